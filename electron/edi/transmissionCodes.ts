// Transmission error codes of our own xConnector contract (TransactionWire.transmissionError.code): failures
// to deliver a document at all, before any partner acknowledgment. Source: this project's contract; the words
// and next steps are ours, written for the partner desk.
import type { CodeEntry, CodeTable } from './codes/codeTable.ts';

export interface ActionableEntry extends CodeEntry {
  /** What the desk person should do next, one sentence. */
  readonly nextStep: string;
}

export interface ActionableTable extends CodeTable {
  readonly entries: readonly ActionableEntry[];
}

export const TRANSMISSION_CODES: ActionableTable = {
  name: 'transmission error codes',
  source: 'Partner Desk xConnector contract, TransactionWire.transmissionError.code',
  entries: [
    {
      code: 'CONNECTION_REFUSED',
      summary: 'Connection refused by the partner',
      plain: "The partner's server refused our connection.",
      nextStep:
        'Check the host and port in the connection settings; if they are right, ask the partner whether ' +
        'their server is running and accepts connections from us.',
    },
    {
      code: 'CONNECTION_TIMEOUT',
      summary: 'Connection timed out',
      plain: "The partner's server did not answer in time.",
      nextStep:
        'This is often temporary and the send will be retried; if it keeps happening, ask the partner ' +
        'about outages and check firewall rules.',
    },
    {
      code: 'TLS_HANDSHAKE_FAILED',
      summary: 'Secure connection could not be set up',
      plain: "Our system and the partner's server could not agree on a secure (TLS) connection.",
      nextStep: 'Compare the TLS version, cipher and certificate settings with the partner.',
    },
    {
      code: 'CERTIFICATE_EXPIRED',
      summary: 'Certificate expired',
      plain: 'A certificate used to secure or sign the exchange has expired.',
      nextStep: "Find out whose certificate expired (ours or the partner's) and exchange a renewed one.",
    },
    {
      code: 'AS2_MDN_NEGATIVE',
      summary: 'Partner returned a negative AS2 receipt',
      plain: "The partner's AS2 system received the message but its receipt (MDN) says it was not accepted.",
      nextStep:
        'Read the receipt detail (often decryption, signature or an unknown AS2 ID), fix it with the ' +
        'partner, then resend.',
    },
    {
      code: 'AS2_MDN_TIMEOUT',
      summary: 'No AS2 receipt received in time',
      plain: "The message was sent over AS2 but the partner's receipt (MDN) did not arrive in time.",
      nextStep: 'Ask the partner whether they received the document before resending, to avoid a duplicate.',
    },
    {
      code: 'AS2_DECRYPTION_FAILED',
      summary: 'AS2 message could not be decrypted',
      plain:
        'The AS2 message could not be decrypted, usually because the encryption certificate does not match.',
      nextStep: 'Check that both sides use the current encryption certificate.',
    },
    {
      code: 'AS2_SIGNATURE_INVALID',
      summary: 'AS2 signature not valid',
      plain: "The AS2 message's digital signature could not be verified.",
      nextStep:
        "Check that both sides have each other's current signing certificate and the agreed algorithm.",
    },
    {
      code: 'SFTP_AUTH_FAILED',
      summary: 'SFTP login failed',
      plain: "The partner's SFTP server rejected our login.",
      nextStep:
        'Check the user name and key or password in the connection settings, and ask the partner whether ' +
        'the account was changed or locked.',
    },
    {
      code: 'SFTP_PATH_NOT_FOUND',
      summary: 'SFTP folder not found',
      plain: "The folder on the partner's SFTP server does not exist or we are not allowed to write to it.",
      nextStep: 'Check the remote folder in the connection settings with the partner.',
    },
    {
      code: 'VAN_MAILBOX_FULL',
      summary: 'VAN mailbox full',
      plain: 'The mailbox at the value-added network (VAN) is full and cannot take more documents.',
      nextStep: 'Ask the VAN or the partner to clear the mailbox, then resend.',
    },
    {
      code: 'PARTNER_ENDPOINT_UNREACHABLE',
      summary: 'Partner endpoint unreachable',
      plain: "The partner's endpoint cannot be reached over the network (address not found or no route).",
      nextStep:
        'Check the endpoint address in the connection settings and ask the partner whether it changed.',
    },
    {
      code: 'PAYLOAD_TOO_LARGE',
      summary: 'Document too large',
      plain: 'The document is larger than the partner or the network accepts.',
      nextStep: 'Split the document or agree a higher size limit with the partner.',
    },
    {
      code: 'UNKNOWN_RECIPIENT',
      summary: 'Recipient not known',
      plain: 'The network or the partner system does not know the recipient ID the document was sent to.',
      nextStep: "Check the partner's EDI identifiers (ISA/UNB IDs, AS2 ID) in the partner setup.",
    },
  ],
};
