"use client";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { forgetFailedMessages } from "@/components/layout/fetched-messages";
import { refusalOf } from "@/lib/auth/refusal";

/**
 * Anything unexpected: a plain sentence, a retry, and the digest for support — never a stack trace. A server
 * action refused before it ran (signed out, a role that may not, another site) says so, and that nothing was done.
 */
export default function ErrorBoundary({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errorPage");
  const pathname = usePathname();
  const refusal = refusalOf(error);
  if (refusal) {
    const [title, body] =
      refusal === "unauthenticated"
        ? [t("refusedUnauthenticated"), t("refusedUnauthenticatedBody")]
        : refusal === "forbidden"
          ? [t("refusedForbidden"), t("refusedForbiddenBody")]
          : [t("refusedCrossOrigin"), t("refusedCrossOriginBody")];
    return (
      <div role="alert" className="rounded-xl border border-amber-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-2 text-sm text-slate-600">{body}</p>
        {refusal === "unauthenticated" && (
          <a
            href={`/login?next=${encodeURIComponent(pathname)}`}
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("signIn")}
          </a>
        )}
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      {error.digest && (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest: error.digest })}</p>
      )}
      <button
        type="button"
        onClick={() => {
          forgetFailedMessages();
          reset();
        }}
        className="mt-4 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("retry")}
      </button>
    </div>
  );
}
