// Budgets per assessment: messages per question, tokens and cost per session. The caller keeps
// the spent counters (the room stores them); the tracker says whether the next message or
// model call may go, and why not in words the candidate can read.
import { z } from "zod";
import { billedTokens, type ModelCallUsage } from "../usage.ts";

export const AgentBudgetSchema = z.object({
  messagesPerQuestion: z.number().int().min(1).max(1000),
  tokensPerSession: z.number().int().min(1000).max(100_000_000),
  /** Micro-dollars. */
  costMicroUsdPerSession: z.number().int().min(1000).max(1_000_000_000),
});
export type AgentBudget = z.infer<typeof AgentBudgetSchema>;

/** Enough for a long interview with an agent that reads and edits freely; a recruiter can change them. */
export const DEFAULT_AGENT_BUDGET: AgentBudget = {
  messagesPerQuestion: 30,
  tokensPerSession: 4_000_000,
  costMicroUsdPerSession: 10_000_000,
};

export const BudgetSpentSchema = z.object({
  messagesThisQuestion: z.number().int().nonnegative(),
  sessionTokens: z.number().int().nonnegative(),
  sessionCostMicroUsd: z.number().int().nonnegative(),
});
export type BudgetSpent = z.infer<typeof BudgetSpentSchema>;

export const NOTHING_SPENT: BudgetSpent = { messagesThisQuestion: 0, sessionTokens: 0, sessionCostMicroUsd: 0 };

export interface BudgetRemaining {
  messagesThisQuestion: number;
  sessionTokens: number;
  sessionCostMicroUsd: number;
}

export class BudgetTracker {
  constructor(
    readonly limits: AgentBudget,
    public spent: BudgetSpent,
  ) {}

  get remaining(): BudgetRemaining {
    return {
      messagesThisQuestion: Math.max(0, this.limits.messagesPerQuestion - this.spent.messagesThisQuestion),
      sessionTokens: Math.max(0, this.limits.tokensPerSession - this.spent.sessionTokens),
      sessionCostMicroUsd: Math.max(0, this.limits.costMicroUsdPerSession - this.spent.sessionCostMicroUsd),
    };
  }

  /** Why the candidate may not send another message now, or null. */
  messageRefusal(): string | null {
    if (this.spent.messagesThisQuestion >= this.limits.messagesPerQuestion) {
      const limit = this.limits.messagesPerQuestion;
      const used = limit === 1 ? "your one AI message" : `all ${limit} AI messages`;
      return `You have used ${used} for this question. The assistant is available again on the next question.`;
    }
    return this.callRefusal();
  }

  /** Why the loop may not make another model call now, or null. */
  callRefusal(): string | null {
    if (this.spent.sessionTokens >= this.limits.tokensPerSession || this.spent.sessionCostMicroUsd >= this.limits.costMicroUsdPerSession) {
      return "The AI budget for this interview is spent. The rest of the interview works as before, without the assistant.";
    }
    return null;
  }

  countMessage(): void {
    this.spent = { ...this.spent, messagesThisQuestion: this.spent.messagesThisQuestion + 1 };
  }

  countCall(usage: ModelCallUsage): void {
    this.spent = {
      ...this.spent,
      sessionTokens: this.spent.sessionTokens + billedTokens(usage),
      sessionCostMicroUsd: this.spent.sessionCostMicroUsd + (usage.costMicroUsd ?? 0),
    };
  }

  newQuestion(): void {
    this.spent = { ...this.spent, messagesThisQuestion: 0 };
  }
}
