// "Send to the customer": which operation's message, in which language (staff may switch the customer's default).
import { z } from "zod";

export const notifyCustomerSchema = z.object({
  applicationId: z.string().min(1).max(64),
  operationId: z.uuid(),
  language: z.enum(["cs", "en"]),
});
export type NotifyCustomerInput = z.infer<typeof notifyCustomerSchema>;
