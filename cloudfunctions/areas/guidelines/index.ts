/** The guidelines area (一街一则) has no reactions of its own; its page content for other uses. */
export { guidelineView } from './content';
