import { describe, expect, it } from "vitest";
import { SKJ_QUALIFYING_REGISTRATIONS } from "../regimes/builtin.js";
import {
  findRegistrationType,
  OTHER_TYPE,
  REGISTERS,
  REGISTRATION_TYPES,
  resolveRegistrationType,
  storedTypeName,
  typeIdOf,
  typesOf,
} from "./types.js";

describe("registration types per register", () => {
  it("knows the way people write a BIG GZ-psycholoog as that one type", () => {
    for (const written of [
      "GZ-psycholoog",
      "gz-psycholoog",
      "GZ psycholoog",
      "Gezondheidszorgpsycholoog",
      " gezondheidszorgpsycholóóg ",
    ])
      expect(findRegistrationType("BIG", written)?.id).toBe("big_gz_psycholoog");
    expect(findRegistrationType("big", "GZ-psycholoog")?.id).toBe("big_gz_psycholoog");
  });

  it("keeps the generalist, the NVO base registration and the other BIG professions apart", () => {
    expect(findRegistrationType("BIG", "Gezondheidszorgpsycholoog-generalist")?.id).toBe(
      "big_gz_psycholoog_generalist",
    );
    expect(findRegistrationType("NVO", "NVO OG")?.id).toBe("nvo_orthopedagoog_generalist");
    expect(findRegistrationType("NVO", "Orthopedagoog-Generalist NVO")?.id).toBe("nvo_orthopedagoog_generalist");
    expect(findRegistrationType("NVO", "NVO basis-orthopedagoog")?.id).toBe("nvo_basis_orthopedagoog");
    expect(findRegistrationType("BIG", "Klinisch psycholoog")?.id).toBe("big_klinisch_psycholoog");
  });

  it("reads a type within its own register only", () => {
    expect(findRegistrationType("NIP", "K&J psycholoog NIP")?.id).toBe("nip_kinder_en_jeugdpsycholoog");
    expect(findRegistrationType("SKJ", "Kinder- en jeugdpsycholoog")?.id).toBe("skj_kinder_en_jeugdpsycholoog");
    expect(findRegistrationType("NIP", "Kinder- en jeugdpsycholoog")?.id).toBe("nip_kinder_en_jeugdpsycholoog");
    expect(findRegistrationType("SKJ", "GZ-psycholoog")).toBeUndefined();
    expect(findRegistrationType("Other", "GZ-psycholoog")).toBeUndefined();
  });

  it("treats anything else as other, with its written name", () => {
    expect(resolveRegistrationType("BIG", "Psycholoog met ervaring")).toEqual({
      kind: "other",
      written: "Psycholoog met ervaring",
    });
    expect(typeIdOf("BIG", "Psycholoog met ervaring")).toBe(OTHER_TYPE);
    expect(typeIdOf("BIG", "GZ-psycholoog")).toBe("big_gz_psycholoog");
    expect(findRegistrationType("BIG", "")).toBeUndefined();
  });

  it("stores the register's own name for a listed type, and free text only as other", () => {
    expect(storedTypeName("BIG", "big_gz_psycholoog", "ignored")).toBe("Gezondheidszorgpsycholoog");
    expect(storedTypeName("BIG", "skj_master_psycholoog", null)).toBeNull();
    expect(storedTypeName("BIG", OTHER_TYPE, "gz psycholoog")).toBe("Gezondheidszorgpsycholoog");
    expect(storedTypeName("BIG", OTHER_TYPE, "Iets anders")).toBe("Iets anders");
    expect(storedTypeName("BIG", OTHER_TYPE, "  ")).toBeNull();
    expect(storedTypeName("Other", undefined, "Vaktherapeut")).toBe("Vaktherapeut");
  });

  it("has unique ids, names that are not another type's name within a register, and only known registers", () => {
    expect(new Set(REGISTRATION_TYPES.map((t) => t.id)).size).toBe(REGISTRATION_TYPES.length);
    for (const register of REGISTERS) {
      const names = typesOf(register).flatMap((t) =>
        [t.label.nl, t.label.en, ...t.synonyms].map((n): [string, string] => [n, t.id]),
      );
      for (const [name, id] of names) expect(findRegistrationType(register, name)?.id, name).toBe(id);
    }
  });

  it("lists every qualifying registration of the built-in regimes", () => {
    for (const wanted of SKJ_QUALIFYING_REGISTRATIONS)
      expect(findRegistrationType(wanted.register, wanted.type), `${wanted.register} ${wanted.type}`).toBeDefined();
  });
});
