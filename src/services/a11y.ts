/**
 * Accessibility attributes for things tapped that are not buttons (cards, chips, tabs): a role and, for toggles,
 * whether they are on, so that screen readers announce them. Spread onto the component.
 */
export function pressable(pressed?: boolean, label?: string): Record<string, string | number | boolean> {
  return {
    role: 'button',
    tabIndex: 0,
    ...(pressed === undefined ? {} : { 'aria-pressed': pressed }),
    ...(label ? { 'aria-label': label } : {}),
  };
}

/** One tab of a `role='tablist'` row: announced as a tab, and whether it is the chosen one. */
export function tab(selected: boolean): Record<string, string | number | boolean> {
  return { role: 'tab', tabIndex: 0, 'aria-selected': selected };
}
