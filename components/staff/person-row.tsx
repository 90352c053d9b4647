"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { SetPassword } from "./set-password";

export interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
  createdAt: string;
}

export type StaffChange =
  | { change: "role"; userId: string; role: Role }
  | { change: "disabled"; userId: string; disabled: boolean }
  | { change: "password"; userId: string; password: string };

/**
 * One person on /staff. A role is chosen, then saved (a keyboard's arrows walk the list without applying each
 * role on the way); disabling someone signs them out everywhere, so it asks first.
 */
export function PersonRow({
  person,
  me,
  busy,
  run,
}: {
  person: Person;
  me: boolean;
  busy: boolean;
  run: (change: StaffChange, success: string) => void;
}) {
  const t = useTranslations("staffPage");
  const tRoles = useTranslations("roles");
  const [role, setRole] = useState(person.role);
  // The saved role changed (this form saved it, or a refresh brought another admin's change): start from it.
  const [saved, setSaved] = useState(person.role);
  if (saved !== person.role) {
    setSaved(person.role);
    setRole(person.role);
  }
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLSpanElement>(null);
  const disableButton = useRef<HTMLSpanElement>(null);
  // The keyboard goes to the question when it opens, and back to "Disable" when it is put away.
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmBox.current?.querySelector("button")?.focus();
    else if (asked.current) disableButton.current?.querySelector("button")?.focus();
    asked.current = confirming;
  }, [confirming]);
  const locked = me || busy;

  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
      <span className="min-w-48 flex-1">
        <span className="block font-medium text-slate-900">
          {person.name} {me && <Badge tone="brand">{t("you")}</Badge>}
        </span>
        <span className="block text-slate-500">{person.email}</span>
      </span>
      {person.disabled && <Badge tone="danger">{t("disabled")}</Badge>}
      <span className="flex flex-wrap items-center gap-2">
        <select
          aria-label={t("roleOf", { name: person.name })}
          className={`${inputClass} w-36 shrink-0 py-1`}
          value={role}
          disabled={me}
          onChange={(e) => setRole(e.target.value)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </select>
        {role !== person.role && (
          <>
            <Button
              size="sm"
              variant="primary"
              disabled={busy}
              aria-label={t("saveRole", { name: person.name })}
              onClick={() =>
                run(
                  { change: "role", userId: person.id, role: role as Role },
                  t("roleChanged", { name: person.name, role: tRoles(role as Role) }),
                )
              }
            >
              {t("save")}
            </Button>
            <Button size="sm" onClick={() => setRole(person.role)}>
              {t("back")}
            </Button>
          </>
        )}
      </span>
      <span ref={disableButton}>
        <Button
          size="sm"
          disabled={locked}
          aria-expanded={person.disabled ? undefined : confirming}
          onClick={() =>
            person.disabled
              ? run(
                  { change: "disabled", userId: person.id, disabled: false },
                  t("enabledDone", { name: person.name }),
                )
              : setConfirming(!confirming)
          }
        >
          {t(person.disabled ? "enable" : "disable", { name: person.name })}
        </Button>
      </span>
      <SetPassword
        person={person}
        disabled={locked}
        onSave={(password) =>
          run({ change: "password", userId: person.id, password }, t("passwordSet", { name: person.name }))
        }
      />
      {confirming && !person.disabled && (
        <span
          ref={confirmBox}
          className="flex w-full flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-red-900"
        >
          <span className="flex-1">{t("disableWarning", { name: person.name })}</span>
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            onClick={() => {
              asked.current = false;
              setConfirming(false);
              run(
                { change: "disabled", userId: person.id, disabled: true },
                t("disabledDone", { name: person.name }),
              );
            }}
          >
            {t("confirmDisable", { name: person.name })}
          </Button>
          <Button size="sm" onClick={() => setConfirming(false)}>
            {t("back")}
          </Button>
        </span>
      )}
    </li>
  );
}
