/** Lets a page open another (a dashboard card's button), through the same leave guard as the menu. */
import { createContext, useContext } from 'react';
import type { Page } from '../../../src-main/contract/pages';

export const NavigationContext = createContext<(page: Page) => void>(() => undefined);

export function useNavigate(): (page: Page) => void {
  return useContext(NavigationContext);
}
