/** The parts of an xAPI 1.0.3 statement this platform writes (https://github.com/adlnet/xAPI-Spec). */
export type LanguageMap = Record<string, string>;

/** A person, by their account only: never a name or an e-mail address. */
export type Agent = { objectType: "Agent"; account: { homePage: string; name: string } };

export type InteractionType = "choice" | "true-false" | "long-fill-in";

export type ActivityDefinition = {
  type: string;
  name?: LanguageMap;
  description?: LanguageMap;
  moreInfo?: string;
  interactionType?: InteractionType;
  correctResponsesPattern?: string[];
  choices?: { id: string; description: LanguageMap }[];
  extensions?: Record<string, unknown>;
};

export type Activity = { objectType: "Activity"; id: string; definition?: ActivityDefinition };

export type Result = {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
};

export type Context = {
  registration?: string;
  revision?: string;
  platform?: string;
  language?: string;
  contextActivities?: { parent?: Activity[]; grouping?: Activity[] };
  extensions?: Record<string, unknown>;
};

export type Statement = {
  id: string;
  actor: Agent;
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: Result;
  context?: Context;
  timestamp: string;
};
