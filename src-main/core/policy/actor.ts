import type { Duty, Rank } from '../../contract/people';

/** The signed-in person as the core knows them: loaded from the database at unlock, never from a request. */
export interface Actor {
  id: string;
  login: string;
  name: string;
  department: string;
  rank: Rank;
  duties: readonly Duty[];
  disabled: boolean;
  /** Rights suspended by a manager (issue 16): every operation refused until lifted. */
  suspended?: boolean;
}
