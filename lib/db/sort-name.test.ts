import { describe, expect, it } from "vitest";
import { NO_NAME, sortName } from "./sort-name";

describe("the customer sort key", () => {
  it("orders by surname in Czech alphabetical order, names without one last", () => {
    const czech = [
      "Jan Adámek",
      "Eva Cibulková",
      "Petr Čapek",
      "Marie Dvořáková",
      "Karel Hrubý",
      "Tomáš Chalupa",
      "Ivana Ibl",
      "Jan Novák",
      "Alena Nováková",
      "Pavel Rys",
      "Jiří Říha",
      "Lucie Suchá",
      "Žofie Šťastná",
      "Ota Zeman",
      "Jana Žáková",
      null,
    ];
    const shuffled = [...czech].reverse();
    shuffled.push(shuffled.shift() as string | null);
    const sorted = shuffled.sort((a, b) =>
      sortName(a) < sortName(b) ? -1 : sortName(a) > sortName(b) ? 1 : 0,
    );
    expect(sorted).toEqual(czech);
  });

  it("reads the last word as the surname; case, accents other than č ř š ž, and punctuation do not matter", () => {
    // Kříž after Kovář and before Kubát, whatever the first names.
    expect(sortName("Zdeněk Kovář") < sortName("Jiří Kříž")).toBe(true);
    expect(sortName("Jiří Kříž") < sortName("Adam Kubát")).toBe(true);
    expect(sortName("JIŘÍ KŘÍŽ")).toBe(sortName("Jiří Kříž"));
    expect(sortName("  Anna   Marie   Nová-Horká ")).toBe(sortName("Anna Marie NováHorká"));
    expect(sortName("Łukasz Żółć")).toBe(sortName("lukasz zolc"));
    // č, ř, š, ž and ch are letters of their own; ď, ň, ť are not.
    expect(sortName("Ann Cech")).not.toBe(sortName("Ann Čech"));
    expect(sortName("Ann Ďuriš")).toBe(sortName("Ann Duriš"));
    // Titles and abbreviations are left out; accents come off letters precomposed or not.
    expect(sortName("Ing. Jan Novák, Ph.D.")).toBe(sortName("Jan Novák"));
    expect(sortName("MUDr. Jan Novák ml.")).toBe(sortName("Jan Novák"));
    expect(sortName("Jir\u030Ci\u0301 Kr\u030Ci\u0301z\u030C")).toBe(sortName("Jiří Kříž"));
    expect(sortName("Nguyễn Trần Thị Hương")).toBe(sortName("Nguyen Tran Thi Huong"));
    // A double surname reads as one word: NováHorká, before Novák.
    expect(sortName("Anna Nová-Horká") < sortName("Eva Novák")).toBe(true);
    expect(sortName("Anna Nová-Horká") > sortName("Eva Nová")).toBe(true);
    expect(sortName("")).toBe(NO_NAME);
    expect(sortName("—")).toBe(NO_NAME);
  });
});
