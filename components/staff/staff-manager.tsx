"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { newStaffSchema } from "@/lib/auth/staff-schemas";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";
import { Field, inputClass } from "../ui/field";
import { useHydrated } from "../ui/use-hydrated";
import { SetPassword } from "./set-password";

type Result = { ok: true } | { ok: false; error: string; fields?: Record<string, string> };

interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

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
        <div aria-live="polite">
          {message && <Alert tone={message.ok ? "success" : "error"} title={message.text} />}
        </div>
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
          {people.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <span className="min-w-48 flex-1">
                <span className="block font-medium text-slate-900">
                  {p.name} {p.id === meId && <Badge tone="brand">{t("you")}</Badge>}
                </span>
                <span className="block text-slate-500">{p.email}</span>
              </span>
              {p.disabled && <Badge tone="danger">{t("disabled")}</Badge>}
              <label className="text-xs text-slate-600">
                <span className="sr-only">{t("roleOf", { name: p.name })}</span>
                <select
                  aria-label={t("roleOf", { name: p.name })}
                  className={`${inputClass} w-36 py-1`}
                  value={p.role}
                  disabled={pending || p.id === meId}
                  onChange={(e) =>
                    run(
                      () =>
                        actions.changeStaff({ change: "role", userId: p.id, role: e.target.value as Role }),
                      t("roleChanged", { name: p.name }),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tRoles(r)}
                    </option>
                  ))}
                </select>
              </label>
              <Button
                size="sm"
                disabled={pending || p.id === meId}
                onClick={() =>
                  run(
                    () => actions.changeStaff({ change: "disabled", userId: p.id, disabled: !p.disabled }),
                    t(p.disabled ? "enabledDone" : "disabledDone", { name: p.name }),
                  )
                }
              >
                {t(p.disabled ? "enable" : "disable", { name: p.name })}
              </Button>
              <SetPassword
                person={p}
                disabled={pending || p.id === meId}
                onSave={(password) =>
                  run(
                    () => actions.changeStaff({ change: "password", userId: p.id, password }),
                    t("passwordSet", { name: p.name }),
                  )
                }
              />
            </li>
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
