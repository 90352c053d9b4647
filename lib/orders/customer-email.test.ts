import { describe, expect, it } from "vitest";
import { customerLanguage, customerSubject } from "./customer-email";

const address = (country: string, addressType: "BILLING" | "DELIVERY") => ({
  country,
  city: "x",
  streetAddress: "x",
  zip: "1",
  addressType,
});

describe("customerLanguage", () => {
  it("reads Czech without an address, or with a Czech or Slovak one; English for any other country", () => {
    expect(customerLanguage({ order: { addresses: null } } as never)).toBe("cs");
    expect(customerLanguage({ order: { addresses: [address("CZ", "BILLING")] } } as never)).toBe("cs");
    expect(customerLanguage({ order: { addresses: [address("sk", "DELIVERY")] } } as never)).toBe("cs");
    expect(customerLanguage({ order: { addresses: [address("GB", "BILLING")] } } as never)).toBe("en");
    expect(customerLanguage({ order: { addresses: [address("DE", "DELIVERY")] } } as never)).toBe("en");
  });

  it("goes by the billing address when there are several", () => {
    const addresses = [address("AT", "DELIVERY"), address("CZ", "BILLING")];
    expect(customerLanguage({ order: { addresses } } as never)).toBe("cs");
  });
});

it("names the order in the subject, in the message's language", () => {
  expect(customerSubject("cs", "VR-1")).toBe("Vaše objednávka VR-1 – co se změnilo");
  expect(customerSubject("en", "VR-1")).toBe("Your order VR-1 – what has changed");
});
