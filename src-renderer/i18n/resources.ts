/** All UI text, from the one source of texts in the contract (src-main/contract/texts). */
export { RESOURCES } from '../../src-main/contract/texts';
