/** vault:* and settings:* — key rotation and archive settings. */
import { getSettings, updateSettings } from '../../core/settings/service';
import { rekey } from '../../core/vault/rekey';
import { open, type DomainHandlers } from './context';

export const vaultHandlers: DomainHandlers<'vault'> = {
  'vault:rekey': async (_input, ctx) => rekey(open(ctx), (step) => ctx.emit('event:rekeyProgress', { step })),
};

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings:get': async (_input, ctx) => getSettings(open(ctx)),
  'settings:update': async (input, ctx) => {
    const settings = await updateSettings(open(ctx), input);
    // A new idle timeout applies to the running session at once.
    ctx.manager.applyIdleMinutes(settings.idleLockMinutes);
    return settings;
  },
};
