import { LOCALES } from "../i18n/locales";

type ManifestRoute = { page: string; regex: string };
export type RoutesManifest = { staticRoutes: ManifestRoute[]; dynamicRoutes: ManifestRoute[] };

const LOCALE_PREFIX = new RegExp(`^/(?:${LOCALES.join("|")})(?=/|$)`);

/**
 * The route pattern a path is served by (`/[locale]/verify/[code]`), from the build's routes
 * manifest: what a request log names instead of the path, which may hold a token or a code.
 * Pages have no locale in their address; config rewrites add it, so it is added here too.
 */
export function routeNamer(manifest: RoutesManifest) {
  const routes = [...manifest.staticRoutes, ...manifest.dynamicRoutes].map((r) => ({
    page: r.page,
    pattern: new RegExp(r.regex),
  }));
  return (pathname: string): string => {
    if (pathname.startsWith("/_next/")) return pathname.split("/", 3).join("/");
    const path = pathname.startsWith("/api/")
      ? pathname
      : `/${LOCALES[0]}${pathname.replace(LOCALE_PREFIX, "")}`;
    return routes.find((r) => r.pattern.test(path))?.page ?? "(unmatched)";
  };
}
