/**
 * Where an export goes, asked once the core has allowed it (main's save dialog): someone the core
 * refuses never sees a dialog, and no handler has to guess the decision. null: the person closed
 * the dialog; the operation then writes nothing and its entry says so.
 */
export type ChooseOutputFile = () => Promise<string | null>;
