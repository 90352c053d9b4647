import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { config } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Skip Pay Orders", template: "%s · Skip Pay Orders" },
  description: "Cancel, return and refund Skip Pay financed orders.",
};

export const dynamic = "force-dynamic";

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
        >
          Skip to main content
        </a>
        <AppHeader environment={config().skippay.mode} nav={[{ href: "/", label: "Overview" }]} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
