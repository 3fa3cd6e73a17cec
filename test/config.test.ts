import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { StartupError } from '../src/startup-error.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof StartupError) return error.lines;
    throw error;
  }
  return [];
};

describe('configuration from the environment', () => {
  it('has working defaults: local mode on port 3978, Oslo time, the demo seed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.dataFile).toMatch(/data\/politirad\.json$/);
    expect(config.seedFile).toMatch(/src\/seed\/demo-seed\.json$/);
    expect(config.timeZone).toBe('Europe/Oslo');
    expect(config.auth).toBeUndefined();
    expect(config.allowedTenantIds).toEqual([]);
  });

  it('reads Bot Framework credentials and a list of tenants', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
      ALLOWED_TENANT_IDS: ' t1, t2 ,,',
    });
    expect(config.auth).toEqual({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' });
    expect(config.allowedTenantIds).toEqual(['t1', 't2']);
  });

  it('reads when the secretariat is reminded of minutes not yet sent, and refuses a value out of range', () => {
    expect(loadConfig({}).dispatch.minutesReminderDays).toBe(3);
    expect(loadConfig({ MINUTES_REMINDER_DAYS: '7' }).dispatch.minutesReminderDays).toBe(7);
    expect(problems({ MINUTES_REMINDER_DAYS: '0' }).join('\n')).toMatch(/MINUTES_REMINDER_DAYS/);
  });

  it('names each problem on its own line', () => {
    const lines = problems({ PORT: 'eighty', TZ_NAME: 'Europe/Atlantis', PUBLIC_BASE_URL: 'ftp://x' });
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/PORT/);
    expect(lines.join('\n')).toMatch(/TZ_NAME is not a known IANA time zone/);
    expect(lines.join('\n')).toMatch(/PUBLIC_BASE_URL/);
  });

  it('refuses production without credentials rather than run unauthenticated', () => {
    expect(problems({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://bot.example' })).toEqual([
      'Configuration: MicrosoftAppId is required when NODE_ENV=production (local mode accepts unauthenticated requests)',
    ]);
  });

  it('refuses an app id without its password and tenant', () => {
    expect(problems({ MicrosoftAppId: 'app' })).toEqual([
      'Configuration: MicrosoftAppPassword is required when MicrosoftAppId is set',
      'Configuration: MicrosoftAppTenantId is required for MicrosoftAppType=SingleTenant',
    ]);
  });

  it('treats empty variables as unset, as .env files often leave them', () => {
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '' }).auth).toBeUndefined();
  });
});
