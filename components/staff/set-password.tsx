"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { staffChangeSchema } from "@/lib/auth/staff-schemas";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";

/** An admin sets someone's password (it replaces theirs, or gives one to an account that has none). */
export function SetPassword({
  person,
  disabled,
  onSave,
}: {
  person: { id: string; name: string };
  disabled: boolean;
  onSave: (password: string) => void;
}) {
  const t = useTranslations("staffPage");
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  if (!open)
    return (
      <Button size="sm" disabled={disabled} onClick={() => setOpen(true)}>
        {t("setPassword", { name: person.name })}
      </Button>
    );
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = staffChangeSchema.safeParse({ change: "password", userId: person.id, password });
    if (!parsed.success) {
      const code = parsed.error.issues[0]?.message ?? "invalid";
      setError(t.has(`errors.${code}`) ? t(`errors.${code}` as "errors.invalid") : t("errors.invalid"));
      return;
    }
    onSave(password);
    setOpen(false);
    setPassword("");
    setError(undefined);
  };
  return (
    <form onSubmit={save} noValidate className="flex w-full flex-wrap items-end gap-2">
      <Field label={t("newPassword", { name: person.name })} error={error} className="min-w-48 flex-1">
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Button size="sm" type="submit" variant="primary" disabled={disabled}>
        {t("savePassword")}
      </Button>
      <Button size="sm" onClick={() => setOpen(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}
