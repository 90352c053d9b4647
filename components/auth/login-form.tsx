"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { cardClass, cx } from "../ui/class-names";
import { Field, inputClass } from "../ui/field";
import { useHydrated } from "../ui/use-hydrated";

type Problem = "credentials" | "rate_limited" | "busy" | "unavailable" | "missing" | null;

/**
 * E-mail and password, posted to better-auth's sign-in endpoint from the browser — so the endpoint's rate limiting
 * applies — which sets the httpOnly session cookie.
 */
export function LoginForm({
  returnTo,
  afterSignIn,
  demo,
}: {
  returnTo: string;
  afterSignIn: () => Promise<{ ok: boolean }>;
  demo: { password: string; users: { email: string; role: string }[] } | null;
}) {
  const t = useTranslations("login");
  const router = useRouter();
  const [problem, setProblem] = useState<Problem>(null);
  const [retryAfter, setRetryAfter] = useState(0);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  // A submit handler, not a form action: React resets a form after its action, and a mistyped password should not
  // cost the e-mail address too.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setProblem("missing");
      return;
    }
    startTransition(async () => {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password, rememberMe: false }),
      }).catch(() => null);
      if (!response) return setProblem("unavailable");
      if (response.status === 429) {
        setRetryAfter(Number(response.headers.get("x-retry-after")) || 60);
        return setProblem("rate_limited");
      }
      // Too many sign-ins being checked at once (a flood, most likely): nothing was checked, try again shortly.
      if (response.status === 503 && response.headers.has("retry-after")) {
        setRetryAfter(Number(response.headers.get("retry-after")) || 5);
        return setProblem("busy");
      }
      if (!response.ok) return setProblem(response.status >= 500 ? "unavailable" : "credentials");
      await afterSignIn();
      router.replace(returnTo);
      router.refresh();
    });
  }

  return (
    <div className="mx-auto max-w-sm space-y-5 pt-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </div>
      {/* Signing in needs the page's scripts: until they run the button is disabled, so Enter submits nothing,
          and the form is a POST, so no browser ever puts a password in the address. */}
      <form method="post" onSubmit={submit} noValidate className={cx(cardClass, "space-y-4")}>
        {problem && (
          <Alert
            tone="error"
            title={t(`problem.${problem}`, {
              seconds: retryAfter,
              // A lockout of minutes reads in minutes ("15 minutes", not "888 s").
              minutes: retryAfter >= 60 ? Math.ceil(retryAfter / 60) : 0,
            })}
          >
            {problem === "credentials" ? t("problemHint") : null}
          </Alert>
        )}
        <Field label={t("email")}>
          {(ids) => (
            <input
              {...ids}
              name="email"
              type="email"
              autoComplete="username"
              required
              className={inputClass}
            />
          )}
        </Field>
        <Field label={t("password")}>
          {(ids) => (
            <input
              {...ids}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className={inputClass}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="w-full" pending={pending} disabled={!hydrated}>
          {t("submit")}
        </Button>
      </form>
      {demo && (
        <section
          aria-labelledby="demo-heading"
          className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <h2 id="demo-heading" className="font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mt-1">{t("demoLead", { password: demo.password })}</p>
          <ul className="mt-2 space-y-0.5 font-mono text-xs">
            {demo.users.map((u) => (
              <li key={u.email}>
                {u.email} <span className="text-amber-800">({u.role})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
