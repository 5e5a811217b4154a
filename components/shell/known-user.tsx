"use client";

import { useEffect } from "react";

export type KnownUser = {
  user: { name: string; role: string; branchName: string; branchNameEn: string };
  unread: number;
};

// Who the signed-in frame last showed, kept for this document only (a reload starts empty).
let known: KnownUser | null = null;

/**
 * The chapter pages are prerendered for everyone and load the learner's own data from
 * /api/learn/<slug>/me. After a client-side navigation that request can wait behind the
 * browser's other requests to the host (six connections over HTTP/1.1, held by streaming
 * prefetches), so the header showed no name until a reload. The signed-in frame leaves who it
 * showed here, and the chapter's header uses it until its own data arrives.
 */
export function RememberUser(props: KnownUser) {
  const { user, unread } = props;
  useEffect(() => {
    known = { user, unread };
  }, [user, unread]);
  return null;
}

export function knownUser(): KnownUser | null {
  return known;
}
