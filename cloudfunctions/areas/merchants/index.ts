/** The merchants area has no public face for other areas: its router is its whole surface. */
export {};
