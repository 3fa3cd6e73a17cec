import { randomBytes } from 'node:crypto';
import { AuthenticationConstants, AuthenticationError } from 'botframework-connector';
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import { isDomainError } from '../domain/errors.js';
import { langFromLocale, messages } from '../i18n/index.js';
import type { Logger } from '../logger.js';

/**
 * The SDK's authentication, except that a token jsonwebtoken rejects itself (a bad signature, a
 * malformed token) is refused with 401 like every other bad token, instead of surfacing as a 500.
 */
class RefusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>) {
    try {
      return await super.authenticateRequest(...args);
    } catch (error) {
      if (error instanceof Error && ['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError'].includes(error.name)) {
        throw new AuthenticationError(`Unauthorized: ${error.message}`, StatusCodes.UNAUTHORIZED);
      }
      throw error;
    }
  }
}

/**
 * The Bot Framework adapter. Without an app id it runs anonymously, as the Bot Framework does for
 * local clients (the Agents Playground); with one, every request must carry a valid token.
 */
export function createAdapter(config: Config, logger: Logger, openIdMetadataUrl?: string): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.auth
    ? {
        MicrosoftAppId: config.auth.appId,
        MicrosoftAppPassword: config.auth.appPassword ?? '',
        MicrosoftAppType: config.auth.appType,
        MicrosoftAppTenantId: config.auth.tenantId ?? '',
        // Only tests set this: where the signing keys of incoming tokens are published. The SDK
        // then takes no defaults, so the public cloud's other endpoints are spelled out.
        ...(openIdMetadataUrl
          ? {
              ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
              ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
              ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
              ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
              ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
              OAuthUrl: AuthenticationConstants.OAuthUrl,
              ValidateAuthority: true,
              CallerId: CallerIdConstants.PublicAzureChannel,
            }
          : {}),
      }
    : {};
  const adapter = new CloudAdapter(new RefusingAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    // The reference lets the secretariat quote what went wrong without seeing a stack trace.
    const ref = randomBytes(4).toString('hex');
    logger.error({ err: error, ref, activityId: context.activity?.id, code: isDomainError(error) ? error.code : undefined }, 'turn failed');
    if (context.activity?.type !== 'message') return;
    const m = messages(langFromLocale(context.activity.locale));
    const text = isDomainError(error) && error.code === 'store-write-failed' ? m['error.storeWriteFailed'] : m['error.generic']({ ref });
    await context.sendActivity({ type: 'message', text, textFormat: 'plain' }).catch((sendError: unknown) => {
      logger.error({ err: sendError, ref }, 'could not tell the user about the failure');
    });
  };
  return adapter;
}
