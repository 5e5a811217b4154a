import type { Certification } from "./definition";
import { type Certificate, decide, type Results } from "./rules";

/**
 * The certifications that wait for a trainer's decision on an appeal: the results as graded would
 * earn one now, the results with contested grades at their floor (what the issuance path counts)
 * would not. A certificate that does not depend on a contested grade is issued as usual, so it
 * never waits.
 */
export function waitingOnAppeal({
  definitions,
  standing,
  asGraded,
  held,
  now,
}: {
  definitions: readonly Certification[];
  standing: Results;
  asGraded: Results;
  held: (definition: Certification) => Certificate | null;
  now: Date;
}): Certification[] {
  return definitions.filter((def) => {
    const current = held(def);
    return !decide(def, standing, current, now).issue && decide(def, asGraded, current, now).issue;
  });
}
