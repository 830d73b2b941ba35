// What the agent keeps in room storage, one key per item: the current question's conversation
// (as the model sees it), the conversation as clients see it (for late joiners and reconnects),
// the budget spent, and a marker for a turn in progress (a restart finds it and says the answer
// was interrupted). Long items are split by putText like every other room value.
import { NOTHING_SPENT, type BudgetSpent } from "@interviewlm/ai";
import type { AgentWireEvent } from "@interviewlm/realtime";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { guard, putText, readStored, seqKey, type Storage } from "../storage.ts";

const CONVERSATION = "agent:msg:";
const LOG = "agent:log:";
const EDIT = "agent:edit:";
const SPENT = "agent:spent";
const TURN = "agent:turn";

export interface StoredSpent extends BudgetSpent {
  /** The question the per-question count belongs to. */
  questionPosition: number;
}

/** What an agent edit changed, so the candidate can undo it. */
export interface StoredEdit {
  path: string;
  /** null: the agent created the file. */
  before: string | null;
  after: string;
}

export class AgentStore {
  conversation: MessageParam[] = [];
  log: AgentWireEvent[] = [];
  spent: StoredSpent = { ...NOTHING_SPENT, questionPosition: 0 };
  /** Set when the room starts and finds a turn that never finished. */
  interruptedTurn: string | null = null;

  constructor(private readonly storage: Storage) {}

  /** Keys carry the question position, so a reset never races with writes for the new question. */
  private prefix(kind: string): string {
    return `${kind}${this.spent.questionPosition.toString().padStart(4, "0")}:`;
  }

  async load(): Promise<void> {
    this.spent = (await this.storage.get<StoredSpent>(SPENT)) ?? this.spent;
    this.conversation = (await this.readList(this.prefix(CONVERSATION))) as MessageParam[];
    this.log = (await this.readList(this.prefix(LOG))) as AgentWireEvent[];
    this.interruptedTurn = (await this.storage.get<string>(TURN)) ?? null;
  }

  private async readList(prefix: string): Promise<unknown[]> {
    const entries = await this.storage.list({ prefix });
    const items: unknown[] = [];
    for (const [key, value] of entries) {
      if (key.includes("#")) continue;
      const text = await readStored(this.storage, key, value);
      if (text !== null) items.push(JSON.parse(text));
    }
    return items;
  }

  saveEdit(toolId: string, edit: StoredEdit): void {
    putText(this.storage, `${this.prefix(EDIT)}${toolId}`, JSON.stringify(edit));
  }

  async edit(toolId: string): Promise<StoredEdit | null> {
    const key = `${this.prefix(EDIT)}${toolId}`;
    const text = await readStored(this.storage, key, await this.storage.get(key));
    return text === null ? null : (JSON.parse(text) as StoredEdit);
  }

  forgetEdit(toolId: string): void {
    const key = `${this.prefix(EDIT)}${toolId}`;
    void this.storage.list({ prefix: key }).then((entries) => guard(this.storage.delete([...entries.keys()])));
  }

  appendLog(event: AgentWireEvent): void {
    putText(this.storage, seqKey(this.prefix(LOG), this.log.length), JSON.stringify(event));
    this.log.push(event);
  }

  /** Stores the messages a turn added (the conversation only grows within a question). */
  saveConversation(next: MessageParam[]): void {
    for (let i = this.conversation.length; i < next.length; i++) putText(this.storage, seqKey(this.prefix(CONVERSATION), i), JSON.stringify(next[i]));
    this.conversation = next;
  }

  saveSpent(spent: StoredSpent): void {
    this.spent = spent;
    guard(this.storage.put(SPENT, spent));
  }

  markTurn(turnId: string | null): void {
    guard(turnId ? this.storage.put(TURN, turnId) : this.storage.delete(TURN));
  }

  /** A new question: a fresh conversation and log. */
  async reset(questionPosition: number): Promise<void> {
    const old = [this.prefix(CONVERSATION), this.prefix(LOG), this.prefix(EDIT)];
    this.conversation = [];
    this.log = [];
    this.saveSpent({ ...this.spent, messagesThisQuestion: 0, questionPosition });
    for (const prefix of old) {
      const keys = [...(await this.storage.list({ prefix })).keys()];
      for (let i = 0; i < keys.length; i += 128) guard(this.storage.delete(keys.slice(i, i + 128)));
    }
  }
}
