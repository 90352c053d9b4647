"use client";
import { Activity, type ReactNode, useEffect, useRef } from "react";
import { cx } from "./class-names";

/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it, with no library.
 * `initialFocus` names the element (by id) to focus on open — the least destructive action.
 *
 * Children given while closed are pre-rendered, hidden, at React's idle priority (<Activity>): the caller can pass
 * what the dialog will most likely show, and opening it then only reveals what is already in the page.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  describedBy,
  initialFocus,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  initialFocus?: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      if (initialFocus) document.getElementById(initialFocus)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={cx(
        "m-auto max-h-[90dvh] w-[min(44rem,calc(100vw-1.5rem))] overflow-y-auto rounded-xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50",
        className,
      )}
    >
      <Activity mode={open ? "visible" : "hidden"}>{children}</Activity>
    </dialog>
  );
}
