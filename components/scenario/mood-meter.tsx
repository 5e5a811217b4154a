import { useTranslations } from "next-intl";

const FACES = ["😠", "😟", "😐", "🙂", "😊"];

/** The customer's mood, 1 (furious) to 5 (pleased), as a face, a bar and words. */
export function MoodMeter({ mood }: { mood: number }) {
  const t = useTranslations("practice");
  const label = t(`moods.${mood}` as "moods.3");
  return (
    <div className="flex items-center gap-3" role="status" aria-live="polite">
      <span className="text-sm text-slate-600">{t("mood")}</span>
      <span aria-hidden className="text-2xl">
        {FACES[mood - 1]}
      </span>
      <meter
        min={1}
        max={5}
        low={2.5}
        high={3.5}
        optimum={5}
        value={mood}
        className="h-3 w-24"
        aria-label={t("mood")}
      />
      <span className="font-medium">{label}</span>
    </div>
  );
}
