package io.dealgraph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API keys, comma-separated ({@code dealgraph.security.*}). Their defaults and
 * environment variables are in {@code application.yaml}, their one place.
 *
 * @param editorKeys keys that may write ({@code DEALGRAPH_EDITOR_KEYS})
 * @param adminKeys keys with the admin role, which includes the editor's
 * ({@code DEALGRAPH_ADMIN_KEYS})
 */
@ConfigurationProperties("dealgraph.security")
record ApiKeySettings(String editorKeys, String adminKeys) {
}
