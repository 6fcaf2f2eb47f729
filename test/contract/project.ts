// The whole contract for one served project, by what its answers turned on.
// Every check knows only CONTRACT.md; the answers say which parts apply.
import { type Answers, hasAuth } from "../../src/options.js";
import { checkOwnership, checkRbacContract, newUser } from "./auth.js";
import { Client } from "./client.js";
import { checkGeneralContract } from "./general.js";
import { checkItemsContract } from "./items.js";
import { checkSessionAuthContract } from "./session-auth.js";
import { checkTokenAuthContract } from "./token-auth.js";

/** The SECRET_KEY a served project gets, so the checks can forge tokens with it. */
export const CONTRACT_SECRET_KEY = "contract-secret-key-known-to-the-checks";

/** Makes `email` an admin (python -m <pkg> create-admin), for the RBAC checks. */
export type Promote = (email: string, password: string) => Promise<void>;

export async function checkProjectContract(url: string, answers: Answers, promote: Promote): Promise<void> {
  if (!hasAuth(answers)) {
    const client = new Client(url);
    await checkGeneralContract(client);
    await checkItemsContract(client, undefined, false);
    return;
  }
  if (answers.auth !== "jwt" && answers.auth !== "session") throw new Error(`no contract checks for --auth ${answers.auth} yet`);
  const client = new Client(url, answers.auth);
  await checkGeneralContract(client);
  if (answers.auth === "session") await checkSessionAuthContract(client);
  else await checkTokenAuthContract(client, CONTRACT_SECRET_KEY);
  await checkItemsContract(client, await newUser(client), true);
  await checkOwnership(client);
  if (answers.rbac) await checkRbacContract(client, promote);
}
