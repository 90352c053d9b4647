// What the order page submits: one operation's form (a union keyed by the operation), the application, the order
// as the page planned on it (the stale-page guard) and a one-time id. The same schemas check the form in the
// browser as staff type and again in the server action.
import { z } from "zod";
import { APPLICATION_STATES, ORDER_STATES, STATE_REASONS } from "@/lib/skippay/enums";
import type { OrderBasis } from "../basis";
import type { OperationKind } from "../operation-kinds";
import { cancelForm, cancelIntent } from "./cancel";
import { cancelApplicationForm, cancelApplicationIntent } from "./cancel-application";
import { changeOrderForm, changeOrderIntent } from "./change-order";
import { deliverForm, deliverIntent } from "./deliver";
import { applicationIdField } from "./fields";
import { refundForm, refundIntent } from "./refund";
import { returnForm, returnIntent } from "./return";
import { sendForm, sendIntent } from "./send";

/** Each operation's form, by its kind. */
export const OPERATION_FORMS = {
  cancel: cancelForm,
  return: returnForm,
  refund: refundForm,
  send: sendForm,
  deliver: deliverForm,
  "cancel-application": cancelApplicationForm,
  "change-order": changeOrderForm,
} as const satisfies Record<OperationKind, z.ZodType>;

/** Each operation's intent alone, from its form's values: what the live preview plans as staff type. */
export const OPERATION_INTENTS = {
  cancel: cancelIntent,
  return: returnIntent,
  refund: refundIntent,
  send: sendIntent,
  deliver: deliverIntent,
  "cancel-application": cancelApplicationIntent,
  "change-order": changeOrderIntent,
} as const satisfies Record<OperationKind, z.ZodType>;

export const operationFormSchema = z.discriminatedUnion("kind", [
  cancelForm,
  returnForm,
  refundForm,
  sendForm,
  deliverForm,
  cancelApplicationForm,
  changeOrderForm,
]);

/** A form's values as typed (strings), for the kind chosen. */
export type FormValues<K extends OperationKind = OperationKind> = z.input<(typeof OPERATION_FORMS)[K]>;
export type OperationFormValues = z.input<typeof operationFormSchema>;

/** What the page planned on (see ../basis). */
export const orderBasisSchema: z.ZodType<OrderBasis> = z.object({
  state: z.enum(APPLICATION_STATES),
  stateReason: z.enum(STATE_REASONS),
  total: z.int(),
  lines: z.record(z.string().max(64), z.partialRecord(z.enum(ORDER_STATES), z.int().min(0))),
});

export const operationSubmissionSchema = z
  .object({
    applicationId: applicationIdField,
    values: operationFormSchema,
    /** The order as the page had it when the staff member reviewed (stale-page guard). */
    basis: orderBasisSchema,
    /** When the page last read the application (to name who changed it since). */
    loadedAt: z.iso.datetime(),
    /** One per confirmation; a repeated submission (double click, browser retry) carries the same id. */
    submissionId: z.uuid(),
    /** A request of this person's sent back for re-confirmation that this confirmation plans again (it closes). */
    replaces: z.uuid().optional(),
  })
  .transform(({ applicationId, values, ...rest }) => ({
    ...rest,
    request: { applicationId, ...values },
  }));

export type OperationSubmission = z.input<typeof operationSubmissionSchema>;
/** A checked operation: the application, the planner's intent, the reason (when it takes one) and the note. */
export type OperationRequest = z.output<typeof operationSubmissionSchema>["request"];
