/**
 * MSAL v5's redirect bridge (used only when NAA is unavailable and the standard popup flow runs):
 * hands the sign-in response from the popup back to the pane.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();
