"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { newStaffSchema } from "@/lib/auth/staff-schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";
import { Field, inputClass } from "../ui/field";
import { useHydrated } from "../ui/use-hydrated";
import { type Person, PersonRow } from "./person-row";

type Result = { ok: true } | { ok: false; error: string; fields?: Record<string, string> };

export function StaffManager({
  people,
  meId,
  actions,
}: {
  people: Person[];
  meId: string;
  actions: {
    createStaff: (input: unknown) => Promise<Result>;
    changeStaff: (input: unknown) => Promise<Result>;
  };
}) {
  const t = useTranslations("staffPage");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Each outcome takes the keyboard's focus: the control that was pressed may be gone (a question put away) or
  // changed, and the outcome is what to read next.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) outcome.current?.focus();
  }, [message]);
  const form = useForm<z.input<typeof newStaffSchema>, unknown, z.output<typeof newStaffSchema>>({
    resolver: zodResolver(newStaffSchema),
    defaultValues: { email: "", name: "", role: "agent", password: "" },
  });
  const err = (name: keyof z.input<typeof newStaffSchema>) => {
    const m = form.formState.errors[name]?.message;
    if (!m) return undefined;
    const key = `errors.${m}` as "errors.email_invalid";
    return t.has(key) ? t(key) : t("errors.invalid");
  };

  const run = (call: () => Promise<Result>, success: string) =>
    startTransition(async () => {
      const result = await call();
      setMessage(
        result.ok
          ? { ok: true, text: success }
          : { ok: false, text: t(`errors.${result.error}` as "errors.invalid") },
      );
      if (result.ok) router.refresh();
    });

  const create = form.handleSubmit((values) =>
    run(
      async () => {
        const result = await actions.createStaff(values);
        if (result.ok) form.reset();
        return result;
      },
      t("created", { email: values.email }),
    ),
  );

  return (
    <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <section aria-labelledby="people-heading" className="space-y-3">
        <h2 id="people-heading" className="text-lg font-semibold text-slate-900">
          {t("people", { count: people.length })}
        </h2>
        <div ref={outcome} tabIndex={-1} aria-live="polite" className="outline-none">
          {message && <Alert tone={message.ok ? "success" : "error"} title={message.text} />}
        </div>
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
          {people.map((p) => (
            <PersonRow
              key={p.id}
              person={p}
              me={p.id === meId}
              busy={pending}
              run={(change, success) => run(() => actions.changeStaff(change), success)}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-heading" className={cardClass}>
        <h2 id="new-heading" className="text-base font-semibold text-slate-900">
          {t("newTitle")}
        </h2>
        {/* As the sign-in form: a POST whose button waits for the scripts, so Enter before them sends nothing. */}
        <form method="post" onSubmit={create} noValidate className="mt-3 space-y-3">
          <Field label={t("email")} error={err("email")}>
            {(ids) => (
              <input
                {...ids}
                type="email"
                autoComplete="off"
                {...form.register("email")}
                className={inputClass}
              />
            )}
          </Field>
          <Field label={t("name")} error={err("name")}>
            {(ids) => <input {...ids} autoComplete="off" {...form.register("name")} className={inputClass} />}
          </Field>
          <Field label={t("role")}>
            {(ids) => (
              <select {...ids} {...form.register("role")} className={inputClass}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {tRoles(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("password")} description={t("passwordHint")} error={err("password")}>
            {(ids) => (
              <input
                {...ids}
                type="password"
                autoComplete="new-password"
                {...form.register("password")}
                className={inputClass}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" className="w-full" pending={pending} disabled={!hydrated}>
            {t("create")}
          </Button>
        </form>
      </section>
    </div>
  );
}
