// The root layout of the app's static pages: no session, no locale cookie, no client JavaScript of our own —
// prerendered at build time and served as a file. (The staff pages have their own root layout in (admin).)
import type { Metadata } from "next";
import "../globals.css";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function StaticLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
