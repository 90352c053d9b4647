// Demo data for an empty sandbox: a Czech kitchenware shop's Skip Pay applications in every state, built through
// the same rules and store the API uses, so their histories are real.
import type { Db } from "@/lib/db/client";
import type { ApplicationCancelRequest, OrderItemsReturnRequest } from "@/lib/skippay/schemas";
import { type ApplicationSpec, buildApplicationRequest, type LineSpec } from "./builders";
import type { SandboxApplication } from "./model";
import * as rules from "./rules";
import * as store from "./store";

type Step =
  | { do: "approve" | "reject" | "payout" }
  | { do: "cancel-application"; body: ApplicationCancelRequest }
  | {
      do: "send" | "deliver" | "cancel";
      items?: { code: string; quantity?: number }[];
      daysAgo?: number;
      tracking?: string;
    }
  | { do: "return"; body: OrderItemsReturnRequest };

interface DemoApplication extends ApplicationSpec {
  steps: Step[];
}

const SHIPPING: LineSpec = {
  code: "DOPRAVA-PPL",
  name: "Doprava PPL",
  unitPrice: 9_900,
  type: "SHIPPING_FEE",
};

const CUSTOMERS = [
  { firstName: "Jana", lastName: "Nováková", email: "jana.novakova@example.cz", phone: "+420601234567" },
  { firstName: "Petr", lastName: "Svoboda", email: "petr.svoboda@example.cz", phone: "+420602345678" },
  { firstName: "Lucie", lastName: "Dvořáková", email: "lucie.dvorakova@example.cz", phone: "+420603456789" },
  { firstName: "Tomáš", lastName: "Černý", email: "tomas.cerny@example.cz", phone: "+420604567890" },
  { firstName: "Eva", lastName: "Procházková", email: "eva.prochazkova@example.cz", phone: "+420605678901" },
  { firstName: "Martin", lastName: "Kučera", email: "martin.kucera@example.cz", phone: "+420606789012" },
  { firstName: "Kateřina", lastName: "Veselá", email: "katerina.vesela@example.cz", phone: "+420607890123" },
  { firstName: "Jakub", lastName: "Horák", email: "jakub.horak@example.cz", phone: "+420608901234" },
] as const;

const customer = (i: number) => CUSTOMERS[i % CUSTOMERS.length] as (typeof CUSTOMERS)[number];

/** 300 lines for a restaurant's opening order: 21 % kitchenware and 12 % food, quantities 1–12. */
function restaurantLines(): LineSpec[] {
  const products = [
    ["Talíř mělký", 12_900],
    ["Talíř hluboký", 13_900],
    ["Sklenice na víno", 8_900],
    ["Hrnek", 9_900],
    ["Příbor", 4_900],
    ["Gastronádoba", 34_900],
    ["Prkénko", 29_900],
    ["Nůž kuchařský", 89_900],
    ["Pánev", 119_900],
    ["Hrnec", 149_900],
  ] as const;
  const foods = [
    ["Olivový olej 1 l", 24_900],
    ["Těstoviny 500 g", 5_900],
    ["Káva zrnková 1 kg", 49_900],
  ] as const;
  const lines: LineSpec[] = [];
  for (let i = 0; i < 300; i++) {
    const food = i % 10 === 9;
    const [name, price] = food
      ? (foods[i % foods.length] as (typeof foods)[number])
      : (products[i % products.length] as (typeof products)[number]);
    const series = Math.floor(i / 10) + 1;
    lines.push({
      code: `RST-${String(i + 1).padStart(3, "0")}`,
      name: `${name} — série ${series}`,
      ean: `859${String(4_000_000_000 + i).padStart(10, "0")}`,
      unitPrice: price + series * 100,
      quantity: (i % 12) + 1,
      vatRate: food ? 12 : 21,
    });
  }
  return lines;
}

const DEMO: DemoApplication[] = [
  {
    orderNumber: "VR-2026-1101",
    lines: [
      {
        code: "KONV-17",
        name: "Rychlovarná konvice Vařečka 1,7 l",
        unitPrice: 149_900,
        ean: "8594012345017",
      },
      {
        code: "HRN-350",
        name: "Hrnek smaltovaný 350 ml",
        unitPrice: 19_900,
        quantity: 4,
        ean: "8594012345350",
      },
      SHIPPING,
      { code: "SLEVA-PODZIM", name: "Podzimní sleva 10 %", unitPrice: -22_900, type: "DISCOUNT" },
    ],
    steps: [{ do: "approve" }],
  },
  {
    orderNumber: "VR-2026-1102",
    type: "PAY_IN_THREE",
    lines: [
      { code: "ESP-900", name: "Pákový kávovar Espresso 900", unitPrice: 1_299_000, ean: "8594012349001" },
      { code: "KON-MLK", name: "Konvička na mléko 600 ml", unitPrice: 34_900 },
      { code: "KAVA-1KG", name: "Káva zrnková Brazílie 1 kg", unitPrice: 44_900, quantity: 2, vatRate: 12 },
      SHIPPING,
    ],
    steps: [{ do: "approve" }],
  },
  {
    orderNumber: "VR-2026-1103",
    lines: [
      { code: "PAN-28", name: "Pánev litinová 28 cm", unitPrice: 189_900 },
      { code: "POK-24", name: "Poklice skleněná 24 cm", unitPrice: 29_900, quantity: 2 },
      { code: "KNIHA-CZ", name: "Kuchařka Česká klasika", unitPrice: 49_900, vatRate: 12 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      {
        do: "send",
        items: [{ code: "PAN-28" }, { code: "KNIHA-CZ" }, { code: SHIPPING.code }],
        daysAgo: 2,
        tracking: "PPL4010021",
      },
    ],
  },
  {
    orderNumber: "VR-2026-1104",
    lines: [
      { code: "SET-NERE", name: "Sada nerezového nádobí 8 ks", unitPrice: 349_900 },
      { code: "KNIHA-PEC", name: "Kniha Pečeme doma", unitPrice: 39_900, vatRate: 12 },
      { code: "UTER-3", name: "Utěrka lněná", unitPrice: 12_900, quantity: 3 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      { do: "send", daysAgo: 9, tracking: "PPL4010044" },
      { do: "deliver", daysAgo: 7 },
    ],
  },
  {
    orderNumber: "VR-2026-1105",
    type: "PAY_IN_THREE",
    lines: [
      { code: "SKL-VINO-6", name: "Sklenice na víno 6 ks", unitPrice: 89_900, quantity: 4 },
      { code: "KARAFA", name: "Karafa 1 l", unitPrice: 49_900 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      { do: "send", daysAgo: 14, tracking: "PPL4010105" },
      { do: "deliver", daysAgo: 12 },
      { do: "return", body: { items: [{ code: "SKL-VINO-6", quantity: 1 }] } },
    ],
  },
  {
    orderNumber: "VR-2026-1106",
    lines: [
      { code: "MIX-500", name: "Stolní mixér 500 W", unitPrice: 249_900 },
      { code: "NADOBA-2L", name: "Náhradní nádoba 2 l", unitPrice: 39_900 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      { do: "send", daysAgo: 6 },
      { do: "deliver", daysAgo: 4 },
      // Goodwill: the mixer arrived with a scratched lid.
      { do: "return", body: { items: [], totalPrice: { amount: 20_000, currency: "CZK" } } },
    ],
  },
  {
    orderNumber: "VR-2026-1107",
    agreementTermsAndConditions: false,
    lines: [{ code: "NUZ-SET", name: "Sada kuchyňských nožů 5 ks", unitPrice: 229_900 }, SHIPPING],
    steps: [],
  },
  {
    orderNumber: "VR-2026-1108",
    type: "PAY_IN_THREE",
    lines: [{ code: "ROBOT-K5", name: "Kuchyňský robot K5", unitPrice: 1_599_000 }, SHIPPING],
    steps: [],
  },
  {
    orderNumber: "VR-2026-1109",
    lines: [{ code: "GRIL-EL", name: "Elektrický gril", unitPrice: 359_900 }, SHIPPING],
    steps: [{ do: "reject" }],
  },
  {
    orderNumber: "VR-2026-1110",
    lines: [
      { code: "TOUSTOVAC", name: "Toustovač nerez", unitPrice: 119_900 },
      { code: "PRKENKO-BUK", name: "Prkénko bukové", unitPrice: 24_900, quantity: 2 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      { do: "cancel-application", body: { reason: "APPLICATION_CANCELLED_BY_CUSTOMER" } },
    ],
  },
  {
    orderNumber: "VR-2026-1111",
    lines: [
      { code: "VAHA-DIG", name: "Digitální kuchyňská váha", unitPrice: 59_900 },
      { code: "ODM-SET", name: "Odměrky 4 ks", unitPrice: 14_900, quantity: 2 },
      SHIPPING,
    ],
    steps: [
      { do: "approve" },
      { do: "send", daysAgo: 20 },
      { do: "deliver", daysAgo: 18 },
      { do: "return", body: {} },
    ],
  },
  {
    orderNumber: "VR-2026-1112",
    lines: [
      { code: "FRITEZA", name: "Horkovzdušná fritéza 5,5 l", unitPrice: 299_900 },
      { code: "PAPIR-100", name: "Pečicí papír 100 ks", unitPrice: 9_900, quantity: 2 },
      SHIPPING,
    ],
    steps: [{ do: "approve" }, { do: "send", daysAgo: 12 }, { do: "deliver", daysAgo: 10 }, { do: "payout" }],
  },
  {
    orderNumber: "VR-2026-1113",
    customer: {
      firstName: "Restaurace",
      lastName: "U Zlaté vařečky",
      email: "objednavky@zlatavarecka.example.cz",
      phone: "+420222333444",
    },
    lines: restaurantLines(),
    steps: [
      { do: "approve" },
      { do: "send", daysAgo: 3, tracking: "PPL4011300" },
      { do: "deliver", daysAgo: 1 },
    ],
  },
];

function daysAgo(today: Date, days: number): string {
  const d = new Date(today.getTime() - days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(d);
}

function applyStep(app: SandboxApplication, step: Step, today: Date): rules.Change {
  const date = daysAgo(today, "daysAgo" in step ? (step.daysAgo ?? 0) : 0);
  switch (step.do) {
    case "approve":
      return rules.approve(app);
    case "reject":
      return rules.reject(app);
    case "payout":
      return rules.payout(app);
    case "cancel-application":
      return rules.cancelApplication(app, step.body);
    case "cancel":
      return rules.cancelItems(app, { items: step.items });
    case "send":
      return rules.sendItems(app, { items: step.items, deliveryTrackingNumber: step.tracking }, date);
    case "deliver":
      return rules.deliverItems(app, { items: step.items }, date);
    case "return":
      return rules.returnItems(app, step.body);
  }
}

/**
 * Creates the demo applications when the sandbox is empty. Safe when several instances boot at once: an order
 * number that already exists is skipped (the API's duplicate detection), and only a newly created application
 * gets its steps. Returns the ids of the applications it created.
 */
export async function seedDemoApplications(
  db: Db,
  publicBaseUrl: string,
  notificationEndpoint: string,
  today = new Date(),
): Promise<string[]> {
  if ((await store.countApplications(db)) > 0) return [];
  const created: string[] = [];
  for (const [i, demo] of DEMO.entries()) {
    const request = buildApplicationRequest({
      ...demo,
      customer: demo.customer ?? customer(i),
      notificationEndpoint,
    });
    const app = rules.createApplication(store.newApplicationId(), request, `${publicBaseUrl}/gateway`);
    const inserted = await store.insertApplication(db, app, {
      method: "SEED",
      path: "/financing/v1/applications",
      status: 201,
      request,
    });
    if (!inserted.created) continue;
    for (const step of demo.steps) {
      const result = await store.mutateApplication(
        db,
        app.id,
        { method: "SEED", path: `seed/${step.do}`, operation: step.do },
        (a) => applyStep(a, step, today),
      );
      if (!result.ok)
        throw new Error(`demo seed step ${step.do} failed for ${demo.orderNumber}: ${result.error?.message}`);
    }
    created.push(app.id);
  }
  return created;
}
