/** What the command knows of an action: its action.yml, generated into contracts.ts by scripts/contracts.mjs. */
export interface InputContract {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** As action.yml writes it; a GitHub expression (`${{ github.token }}`) means "not given" off GitHub. */
  readonly default?: string;
  /** A credential: it belongs in CONFIG_PROMOTION_<NAME>, not in a flag the process list shows. */
  readonly secret: boolean;
}

export interface OutputContract {
  readonly name: string;
  readonly description: string;
}

export interface ActionContract {
  readonly title: string;
  readonly description: string;
  readonly inputs: readonly InputContract[];
  readonly outputs: readonly OutputContract[];
}
