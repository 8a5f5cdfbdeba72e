/** The current instant, given to every service so tests can pin it. A leaf: it imports nothing. */
export type Clock = () => Date
