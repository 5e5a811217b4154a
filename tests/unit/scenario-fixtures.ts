/** A small scenario covering every step kind; tests refer to its line numbers. */
export const VALID = `slug: sample
locale: en
title: Sample
summary: A sample.
estimatedMinutes: 5
passScore: 70
competencies:
  - id: empathy
    label: Empathy
  - id: ownership
    label: Ownership
start: arrive
steps:
  arrive:
    kind: timed
    timeLimit: 7
    customer: Hello?
    mood: 3
    choices:
      - id: a
        text: Good morning.
        points: { empathy: 2 }
        feedback: Good.
        next: explain
      - id: b
        text: Wait.
        points: { empathy: -1, ownership: 1 }
        feedback: Poor.
        next: upset
    onTimeout:
      points: { empathy: -2 }
      feedback: Too slow.
      next: upset
  explain:
    kind: text
    customer: What now?
    prompt: Explain.
    rubric:
      required:
        - id: apology
          label: Apology
          competency: empathy
          points: 3
          accept: [sorry]
        - id: action
          label: Action
          competency: ownership
          points: 2
          accept: [check]
    modelAnswer: Sorry, I will check.
    branches:
      - minPoints: 4
        next: happy
    next: upset
  upset:
    kind: end
    outcome: left-unhappy
    outcomeLabel: Left unhappy
    debrief: Could be better.
  happy:
    kind: end
    outcome: satisfied
    outcomeLabel: Satisfied
    debrief: Well done.
`;
