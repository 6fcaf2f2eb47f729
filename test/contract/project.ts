// The whole contract for one served project, by what its answers turned on.
// Every check knows only CONTRACT.md; the answers say which parts apply.
import { type Answers, hasAuth } from "../../src/options.js";
import { checkOwnership, checkRbacContract, newUser } from "./auth.js";
import { Client } from "./client.js";
import { checkGeneralContract } from "./general.js";
import { checkItemsContract } from "./items.js";
import { checkOAuthContract } from "./oauth.js";
import { checkSessionAuthContract } from "./session-auth.js";
import { checkTokenAuthContract } from "./token-auth.js";

/** The SECRET_KEY a served project gets, so the checks can forge tokens with it. */
export const CONTRACT_SECRET_KEY = "contract-secret-key-known-to-the-checks";

/** Makes `email` an admin (python -m <pkg> create-admin), for the RBAC checks. */
export type Promote = (email: string, password: string) => Promise<void>;

/** `oauthProvider`: the fake provider's URL, which an oauth server was configured with. */
export async function checkProjectContract(url: string, answers: Answers, promote: Promote, oauthProvider?: string): Promise<void> {
  if (!hasAuth(answers)) {
    const client = new Client(url);
    await checkGeneralContract(client);
    await checkItemsContract(client, undefined, false);
    return;
  }
  // OAuth projects log in with a password too, and every login ends in the jwt method's tokens.
  const client = new Client(url, answers.auth === "session" ? "session" : "jwt");
  await checkGeneralContract(client);
  if (answers.auth === "session") await checkSessionAuthContract(client);
  else await checkTokenAuthContract(client, CONTRACT_SECRET_KEY);
  if (answers.auth === "oauth") {
    if (oauthProvider === undefined) throw new Error("an oauth project's contract needs the fake provider's URL");
    await checkOAuthContract(client, oauthProvider);
  }
  await checkItemsContract(client, await newUser(client), true);
  await checkOwnership(client);
  if (answers.rbac) await checkRbacContract(client, promote);
}
