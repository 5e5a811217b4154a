"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { type ComponentProps, useRef } from "react";

/**
 * The app's link: Next's <Link> without prefetching every link that scrolls into view. Almost every
 * page here is rendered per person on request, so a viewport prefetch fetched each target twice (its
 * route tree, then the page up to a loading boundary it does not have) and held chapter streams open
 * in the background. Instead the target is prefetched once, when the pointer rests on the link or the
 * keyboard focuses it: intent, about 100–300 ms before the click. `prefetch={true}` keeps Next's own.
 */
export function Link({
  prefetch,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const done = useRef(false);
  if (prefetch === true)
    return (
      <NextLink
        prefetch
        {...props}
        onMouseEnter={onMouseEnter}
        onFocus={onFocus}
        onTouchStart={onTouchStart}
      />
    );
  const intent = () => {
    if (done.current || prefetch === false || typeof props.href !== "string") return;
    done.current = true;
    router.prefetch(props.href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        intent();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        intent();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        intent();
      }}
    />
  );
}
