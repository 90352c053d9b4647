"use client";
// The items table of a form that picks lines: a quantity on each row, "select all" for what is shown, and the
// form's errors per line. Imported by those forms only, so react-hook-form loads with them, not with the page.
import { type ComponentProps, useMemo } from "react";
import { useFormContext, useFormState } from "react-hook-form";
import { ItemsTable, Rows } from "./items-table";
import { ItemsToolbar } from "./items-toolbar";
import type { PickingProps } from "./types";

export function PickItems(props: Omit<ComponentProps<typeof ItemsTable>, "Picking">) {
  return <ItemsTable {...props} Picking={PickingTable} />;
}

/** With a quantity column: reads the form's per-line errors once, for every row. */
function PickingTable({ lines, matching, pick, issues, filter }: PickingProps) {
  const { register, setValue, getValues, control } = useFormContext();
  const fields = useMemo(() => ({ register, setValue, getValues }), [register, setValue, getValues]);
  const { errors } = useFormState({ control, name: "lines" });
  const lineErrors = errors.lines as Record<string, { quantity?: { message?: string } }> | undefined;
  const entries = Object.entries(lineErrors ?? {}).flatMap(([key, e]) =>
    /^\d+$/.test(key) && typeof e?.quantity?.message === "string"
      ? [[Number(key), e.quantity.message] as const]
      : [],
  );
  // react-hook-form changes an error's message in place (-5 "must be positive", then abc "enter a number"): keyed
  // on what the messages say, not on the errors object, which stays the same.
  const signature = entries.map(([index, message]) => `${index}:${message}`).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the messages (signature), see above.
  const invalid = useMemo(() => new Map<number, string>(entries), [signature]);
  const rootError =
    (lineErrors as { message?: string; root?: { message?: string } } | undefined)?.root?.message ??
    (lineErrors as { message?: string } | undefined)?.message;
  return (
    <>
      <ItemsToolbar
        lines={lines}
        matching={matching}
        pick={pick}
        filtered={filter !== ""}
        error={rootError}
      />
      <Rows
        lines={lines}
        matching={matching}
        pick={pick}
        issues={issues}
        invalid={invalid}
        fields={fields}
        filter={filter}
      />
    </>
  );
}
