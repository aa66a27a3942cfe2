import type { CloudError } from '../../model/cloudError';
import type { AccessKey, Account, CloudUser } from '../../model/types';

/** View-model nodes of the Accounts tree, tagged by kind; presentation lives in treeItems.ts. */
export interface AccountNode {
  readonly kind: 'account';
  readonly account: Account;
}

export interface UserNode {
  readonly kind: 'user';
  readonly account: Account;
  readonly user: CloudUser;
}

export interface KeyNode {
  readonly kind: 'key';
  readonly account: Account;
  readonly user: CloudUser;
  readonly key: AccessKey;
  /** Whether SecretStorage holds this key's secret (created here), so it can be revealed or exported. */
  readonly secretStored: boolean;
}

export interface LoadMoreNode {
  readonly kind: 'load-more';
  readonly account: Account;
}

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface MessageNode {
  readonly kind: 'message';
  /** Unique among its siblings. */
  readonly id: string;
  readonly severity: MessageSeverity;
  readonly text: string;
  readonly detail?: string;
  readonly error?: CloudError;
  /** The node a "Retry" action reloads. */
  readonly retry?: AccountNode | UserNode;
}

export type TreeNode = AccountNode | UserNode | KeyNode | LoadMoreNode | MessageNode;

export function nodeId(node: TreeNode): string {
  switch (node.kind) {
    case 'account':
      return `account|${node.account.id}`;
    case 'user':
      return `user|${node.account.id}|${node.user.id}`;
    case 'key':
      return `key|${node.account.id}|${node.key.kind}|${node.key.id}`;
    case 'load-more':
      return `more|${node.account.id}`;
    case 'message':
      return `message|${node.id}`;
  }
}
