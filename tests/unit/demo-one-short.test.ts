import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ONE_SHORT } from "@/db/demo-bank";
import { loadCertificationFacts } from "@/db/queries/certificates";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { decide } from "@/lib/certification/rules";
import { setUpTestDb } from "./test-db";

const now = new Date("2026-12-02T02:00:00Z");
const { db } = setUpTestDb();
// The whole demo seed (content import, 36 people, their results): longer than a hook's default 10 s.
beforeAll(() => seedDemo(db, now), 120_000);

describe("the demo's learner one item short of the certificate", () => {
  it("lacks exactly the greeting role-play, and holds no certificate", async () => {
    const [person] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.employeeNo, DEMO_ONE_SHORT.employeeNo));
    expect(person).toBeDefined();
    const facts = await loadCertificationFacts({ userId: person?.id as string, db });
    const def = certifications().find((c) => c.id === "counter-service") as Certification;
    expect(facts.held).toEqual([]);
    const decision = decide(def, facts.results, null, now);
    expect(decision).toMatchObject({ issue: false, missing: ["scenario:greeting>=70"] });

    // With a passing greeting play added, the same rules issue the certificate.
    const played = {
      ...facts.results,
      scenarios: [...facts.results.scenarios, { slug: "greeting", percent: 90, at: now }],
    };
    expect(decide(def, played, null, now)).toMatchObject({ issue: true, kind: "initial" });
  });
});
