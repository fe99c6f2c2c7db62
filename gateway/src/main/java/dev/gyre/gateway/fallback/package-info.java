/** What the gateway answers when a service is down, too slow, or its circuit is open. */
package dev.gyre.gateway.fallback;
