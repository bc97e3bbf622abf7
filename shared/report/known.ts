/**
 * How a flow hands back its result. It returns the whole typed result when it ends; along the way it reports each
 * part the moment it is known (a job id, a state) through one typed callback, `Report`. So `main` puts IDs into the
 * outputs at once, and a run that fails, times out or is cancelled still summarizes what it learned.
 */

/** The one callback a flow is given: each call adds the parts it names to what is known. */
export type Report<R> = (part: Partial<R>) => void;

/** Collects what a flow reports; `report` is the callback to give the flow, `value` what is known on any path. */
export class Known<R extends object> {
  private known: Partial<R> = {};

  /** `onPart` sees each part as it is reported (to set the outputs that part carries). */
  constructor(private readonly onPart: (part: Partial<R>) => void = () => {}) {}

  readonly report: Report<R> = (part) => {
    this.known = { ...this.known, ...part };
    this.onPart(part);
  };

  get value(): Readonly<Partial<R>> {
    return this.known;
  }
}
