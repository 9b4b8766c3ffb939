/**
 * What the unlocked part of the app knows about the session: who signed in, the departments (for labels)
 * and how to lock. It lives only inside the unlocked subtree, so a lock unmounts it and forgets it all.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ActorView, DepartmentView } from '../../../src-main/contract/people';
import { api, call } from '../../api/client';

export interface SessionValue {
  folder: string;
  actor: ActorView;
  isAdmin: boolean;
  departments: DepartmentView[];
  lock: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

interface Props {
  folder: string;
  actor: ActorView;
  lock: () => void;
  children: ReactNode;
}

export function SessionProvider({ folder, actor, lock, children }: Props) {
  const [departments, setDepartments] = useState<DepartmentView[]>([]);

  useEffect(() => {
    let live = true;
    // Labels only: if this is refused the department code is shown instead.
    call(api().departments.list())
      .then((list) => live && setDepartments(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const value: SessionValue = { folder, actor, isAdmin: actor.may.administer, departments, lock };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside an unlocked session');
  return value;
}
