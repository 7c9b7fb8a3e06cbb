import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace escrin {

    enum Role {
        ROLE_UNSPECIFIED = 0,
        ROLE_RUNNER = 1,
        ROLE_SSSS = 2,
        ROLE_STORAGE = 3
    }

    interface ISignedEnvelope extends escrin.SignedEnvelope.$Properties {
    }

    class SignedEnvelope {
        constructor(properties?: escrin.SignedEnvelope.$Properties);
        $unknowns?: Uint8Array[];
        domain: string;
        publicKey: Uint8Array;
        payload: Uint8Array;
        signature: Uint8Array;
        static create(properties: escrin.SignedEnvelope.$Shape): escrin.SignedEnvelope & escrin.SignedEnvelope.$Shape;
        static create(properties?: escrin.SignedEnvelope.$Properties): escrin.SignedEnvelope;
        static encode(message: escrin.SignedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SignedEnvelope & escrin.SignedEnvelope.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SignedEnvelope;
        static toObject(message: escrin.SignedEnvelope, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SignedEnvelope {
        interface $Properties {
            domain?: (string|null);
            publicKey?: (Uint8Array|null);
            payload?: (Uint8Array|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SignedEnvelope.$Properties;
    }

    interface IHello extends escrin.Hello.$Properties {
    }

    class Hello {
        constructor(properties?: escrin.Hello.$Properties);
        $unknowns?: Uint8Array[];
        network: string;
        version: string;
        roles: escrin.Role[];
        timestampMs: (number|Long);
        static create(properties: escrin.Hello.$Shape): escrin.Hello & escrin.Hello.$Shape;
        static create(properties?: escrin.Hello.$Properties): escrin.Hello;
        static encode(message: escrin.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.Hello & escrin.Hello.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.Hello;
        static toObject(message: escrin.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace Hello {
        interface $Properties {
            network?: (string|null);
            version?: (string|null);
            roles?: (escrin.Role[]|null);
            timestampMs?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.Hello.$Properties;
    }

    interface ISignedPolicy extends escrin.SignedPolicy.$Properties {
    }

    class SignedPolicy {
        constructor(properties?: escrin.SignedPolicy.$Properties);
        $unknowns?: Uint8Array[];
        owner: Uint8Array;
        name: string;
        version: (number|Long);
        predicate: string;
        createdAt: (number|Long);
        signature: Uint8Array;
        static create(properties: escrin.SignedPolicy.$Shape): escrin.SignedPolicy & escrin.SignedPolicy.$Shape;
        static create(properties?: escrin.SignedPolicy.$Properties): escrin.SignedPolicy;
        static encode(message: escrin.SignedPolicy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SignedPolicy & escrin.SignedPolicy.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SignedPolicy;
        static toObject(message: escrin.SignedPolicy, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SignedPolicy {
        interface $Properties {
            owner?: (Uint8Array|null);
            name?: (string|null);
            version?: (number|Long|null);
            predicate?: (string|null);
            createdAt?: (number|Long|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SignedPolicy.$Properties;
    }

    interface IAttestationRecord extends escrin.AttestationRecord.$Properties {
    }

    class AttestationRecord {
        constructor(properties?: escrin.AttestationRecord.$Properties);
        $unknowns?: Uint8Array[];
        peerId: Uint8Array;
        roles: escrin.Role[];
        evidence?: (escrin.Evidence.$Properties|null);
        enclaveX25519: Uint8Array;
        enclaveSigningKey: Uint8Array;
        operator: Uint8Array;
        operatorSignature: Uint8Array;
        capacity: number;
        price: (number|Long);
        seq: (number|Long);
        expiresAtMs: (number|Long);
        static create(properties: escrin.AttestationRecord.$Shape): escrin.AttestationRecord & escrin.AttestationRecord.$Shape;
        static create(properties?: escrin.AttestationRecord.$Properties): escrin.AttestationRecord;
        static encode(message: escrin.AttestationRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.AttestationRecord & escrin.AttestationRecord.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.AttestationRecord;
        static toObject(message: escrin.AttestationRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace AttestationRecord {
        interface $Properties {
            peerId?: (Uint8Array|null);
            roles?: (escrin.Role[]|null);
            evidence?: (escrin.Evidence.$Properties|null);
            enclaveX25519?: (Uint8Array|null);
            enclaveSigningKey?: (Uint8Array|null);
            operator?: (Uint8Array|null);
            operatorSignature?: (Uint8Array|null);
            capacity?: (number|null);
            price?: (number|Long|null);
            seq?: (number|Long|null);
            expiresAtMs?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.AttestationRecord.$Properties;
    }

    interface IEvidence extends escrin.Evidence.$Properties {
    }

    class Evidence {
        constructor(properties?: escrin.Evidence.$Properties);
        $unknowns?: Uint8Array[];
        kind: string;
        data: Uint8Array;
        static create(properties: escrin.Evidence.$Shape): escrin.Evidence & escrin.Evidence.$Shape;
        static create(properties?: escrin.Evidence.$Properties): escrin.Evidence;
        static encode(message: escrin.Evidence.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.Evidence & escrin.Evidence.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.Evidence;
        static toObject(message: escrin.Evidence, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace Evidence {
        interface $Properties {
            kind?: (string|null);
            data?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.Evidence.$Properties;
    }

    interface ISealedBox extends escrin.SealedBox.$Properties {
    }

    class SealedBox {
        constructor(properties?: escrin.SealedBox.$Properties);
        $unknowns?: Uint8Array[];
        ephemeralPublic: Uint8Array;
        nonce: Uint8Array;
        ciphertext: Uint8Array;
        static create(properties: escrin.SealedBox.$Shape): escrin.SealedBox & escrin.SealedBox.$Shape;
        static create(properties?: escrin.SealedBox.$Properties): escrin.SealedBox;
        static encode(message: escrin.SealedBox.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SealedBox & escrin.SealedBox.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SealedBox;
        static toObject(message: escrin.SealedBox, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SealedBox {
        interface $Properties {
            ephemeralPublic?: (Uint8Array|null);
            nonce?: (Uint8Array|null);
            ciphertext?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SealedBox.$Properties;
    }

    interface IJobRequest extends escrin.JobRequest.$Properties {
    }

    class JobRequest {
        constructor(properties?: escrin.JobRequest.$Properties);
        $unknowns?: Uint8Array[];
        jobId: Uint8Array;
        policyId: string;
        workerCid: Uint8Array;
        inlineCode: Uint8Array;
        input?: (escrin.SealedBox.$Properties|null);
        timeoutMs: number;
        static create(properties: escrin.JobRequest.$Shape): escrin.JobRequest & escrin.JobRequest.$Shape;
        static create(properties?: escrin.JobRequest.$Properties): escrin.JobRequest;
        static encode(message: escrin.JobRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.JobRequest & escrin.JobRequest.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.JobRequest;
        static toObject(message: escrin.JobRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace JobRequest {
        interface $Properties {
            jobId?: (Uint8Array|null);
            policyId?: (string|null);
            workerCid?: (Uint8Array|null);
            inlineCode?: (Uint8Array|null);
            input?: (escrin.SealedBox.$Properties|null);
            timeoutMs?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.JobRequest.$Properties;
    }

    interface IJobResponse extends escrin.JobResponse.$Properties {
    }

    class JobResponse {
        constructor(properties?: escrin.JobResponse.$Properties);
        $unknowns?: Uint8Array[];
        ok?: (escrin.JobResult.$Properties|null);
        failure?: (escrin.JobFailure.$Properties|null);
        result?: ("ok"|"failure");
        static create(properties: escrin.JobResponse.$Shape): escrin.JobResponse & escrin.JobResponse.$Shape;
        static create(properties?: escrin.JobResponse.$Properties): escrin.JobResponse;
        static encode(message: escrin.JobResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.JobResponse & escrin.JobResponse.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.JobResponse;
        static toObject(message: escrin.JobResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace JobResponse {
        interface $Properties {
            ok?: (escrin.JobResult.$Properties|null);
            failure?: (escrin.JobFailure.$Properties|null);
            result?: ("ok"|"failure");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          ok?: escrin.JobResult.$Shape|null;
          failure?: escrin.JobFailure.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ result?: undefined; ok?: null; failure?: null }|{ result?: "ok"; ok: escrin.JobResult.$Shape; failure?: null }|{ result?: "failure"; ok?: null; failure: escrin.JobFailure.$Shape })
        );
    }

    interface IJobResult extends escrin.JobResult.$Properties {
    }

    class JobResult {
        constructor(properties?: escrin.JobResult.$Properties);
        $unknowns?: Uint8Array[];
        output?: (escrin.SealedBox.$Properties|null);
        receipt?: (escrin.JobReceipt.$Properties|null);
        static create(properties: escrin.JobResult.$Shape): escrin.JobResult & escrin.JobResult.$Shape;
        static create(properties?: escrin.JobResult.$Properties): escrin.JobResult;
        static encode(message: escrin.JobResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.JobResult & escrin.JobResult.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.JobResult;
        static toObject(message: escrin.JobResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace JobResult {
        interface $Properties {
            output?: (escrin.SealedBox.$Properties|null);
            receipt?: (escrin.JobReceipt.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.JobResult.$Properties;
    }

    interface IJobReceipt extends escrin.JobReceipt.$Properties {
    }

    class JobReceipt {
        constructor(properties?: escrin.JobReceipt.$Properties);
        $unknowns?: Uint8Array[];
        jobId: Uint8Array;
        policyId: string;
        workerCid: Uint8Array;
        inputHash: Uint8Array;
        outputHash: Uint8Array;
        status: number;
        signature: Uint8Array;
        static create(properties: escrin.JobReceipt.$Shape): escrin.JobReceipt & escrin.JobReceipt.$Shape;
        static create(properties?: escrin.JobReceipt.$Properties): escrin.JobReceipt;
        static encode(message: escrin.JobReceipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.JobReceipt & escrin.JobReceipt.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.JobReceipt;
        static toObject(message: escrin.JobReceipt, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace JobReceipt {
        interface $Properties {
            jobId?: (Uint8Array|null);
            policyId?: (string|null);
            workerCid?: (Uint8Array|null);
            inputHash?: (Uint8Array|null);
            outputHash?: (Uint8Array|null);
            status?: (number|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.JobReceipt.$Properties;
    }

    interface IJobFailure extends escrin.JobFailure.$Properties {
    }

    class JobFailure {
        constructor(properties?: escrin.JobFailure.$Properties);
        $unknowns?: Uint8Array[];
        code: escrin.JobErrorCode;
        message: string;
        static create(properties: escrin.JobFailure.$Shape): escrin.JobFailure & escrin.JobFailure.$Shape;
        static create(properties?: escrin.JobFailure.$Properties): escrin.JobFailure;
        static encode(message: escrin.JobFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.JobFailure & escrin.JobFailure.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.JobFailure;
        static toObject(message: escrin.JobFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace JobFailure {
        interface $Properties {
            code?: (escrin.JobErrorCode|null);
            message?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.JobFailure.$Properties;
    }

    enum JobErrorCode {
        JOB_ERROR_UNSPECIFIED = 0,
        OUT_OF_SCOPE = 1,
        DUPLICATE_JOB = 2,
        INPUT_TOO_LARGE = 3,
        CODE_TOO_LARGE = 4,
        CODE_MISMATCH = 5,
        WORKER_NOT_FOUND = 6,
        DECRYPT_FAILED = 7,
        MALFORMED_REQUEST = 8,
        WORKER_TIMEOUT = 9,
        WORKER_CPU_EXCEEDED = 10,
        WORKER_MEMORY_EXCEEDED = 11,
        WORKER_THREW = 12,
        OUTPUT_TOO_LARGE = 13,
        RUNNER_BUSY = 14,
        RUNNER_SHUTTING_DOWN = 15,
        INTERNAL = 16,
        CLOCK_SKEW = 17
    }

    interface ISecretSpec extends escrin.SecretSpec.$Properties {
    }

    class SecretSpec {
        constructor(properties?: escrin.SecretSpec.$Properties);
        $unknowns?: Uint8Array[];
        owner: Uint8Array;
        app: string;
        custody: string;
        version: (number|Long);
        threshold: number;
        holders: Uint8Array[];
        commitments: Uint8Array[];
        signature: Uint8Array;
        static create(properties: escrin.SecretSpec.$Shape): escrin.SecretSpec & escrin.SecretSpec.$Shape;
        static create(properties?: escrin.SecretSpec.$Properties): escrin.SecretSpec;
        static encode(message: escrin.SecretSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SecretSpec & escrin.SecretSpec.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SecretSpec;
        static toObject(message: escrin.SecretSpec, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SecretSpec {
        interface $Properties {
            owner?: (Uint8Array|null);
            app?: (string|null);
            custody?: (string|null);
            version?: (number|Long|null);
            threshold?: (number|null);
            holders?: (Uint8Array[]|null);
            commitments?: (Uint8Array[]|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SecretSpec.$Properties;
    }

    interface ISecretControl extends escrin.SecretControl.$Properties {
    }

    class SecretControl {
        constructor(properties?: escrin.SecretControl.$Properties);
        $unknowns?: Uint8Array[];
        owner: Uint8Array;
        app: string;
        version: (number|Long);
        action: escrin.SecretControl.Action;
        issuedAtMs: (number|Long);
        signature: Uint8Array;
        static create(properties: escrin.SecretControl.$Shape): escrin.SecretControl & escrin.SecretControl.$Shape;
        static create(properties?: escrin.SecretControl.$Properties): escrin.SecretControl;
        static encode(message: escrin.SecretControl.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SecretControl & escrin.SecretControl.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SecretControl;
        static toObject(message: escrin.SecretControl, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SecretControl {
        interface $Properties {
            owner?: (Uint8Array|null);
            app?: (string|null);
            version?: (number|Long|null);
            action?: (escrin.SecretControl.Action|null);
            issuedAtMs?: (number|Long|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SecretControl.$Properties;

        enum Action {
            ACTION_UNSPECIFIED = 0,
            COMMIT = 1,
            DELETE = 2
        }
    }

    interface ISsssDeal extends escrin.SsssDeal.$Properties {
    }

    class SsssDeal {
        constructor(properties?: escrin.SsssDeal.$Properties);
        $unknowns?: Uint8Array[];
        spec?: (escrin.SecretSpec.$Properties|null);
        share?: (escrin.SealedBox.$Properties|null);
        static create(properties: escrin.SsssDeal.$Shape): escrin.SsssDeal & escrin.SsssDeal.$Shape;
        static create(properties?: escrin.SsssDeal.$Properties): escrin.SsssDeal;
        static encode(message: escrin.SsssDeal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssDeal & escrin.SsssDeal.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssDeal;
        static toObject(message: escrin.SsssDeal, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssDeal {
        interface $Properties {
            spec?: (escrin.SecretSpec.$Properties|null);
            share?: (escrin.SealedBox.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssDeal.$Properties;
    }

    interface ISsssGet extends escrin.SsssGet.$Properties {
    }

    class SsssGet {
        constructor(properties?: escrin.SsssGet.$Properties);
        $unknowns?: Uint8Array[];
        owner: Uint8Array;
        app: string;
        version: (number|Long);
        replyX25519: Uint8Array;
        timestampMs: (number|Long);
        nonce: Uint8Array;
        signature: Uint8Array;
        static create(properties: escrin.SsssGet.$Shape): escrin.SsssGet & escrin.SsssGet.$Shape;
        static create(properties?: escrin.SsssGet.$Properties): escrin.SsssGet;
        static encode(message: escrin.SsssGet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssGet & escrin.SsssGet.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssGet;
        static toObject(message: escrin.SsssGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssGet {
        interface $Properties {
            owner?: (Uint8Array|null);
            app?: (string|null);
            version?: (number|Long|null);
            replyX25519?: (Uint8Array|null);
            timestampMs?: (number|Long|null);
            nonce?: (Uint8Array|null);
            signature?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssGet.$Properties;
    }

    interface ISsssRequest extends escrin.SsssRequest.$Properties {
    }

    class SsssRequest {
        constructor(properties?: escrin.SsssRequest.$Properties);
        $unknowns?: Uint8Array[];
        deal?: (escrin.SsssDeal.$Properties|null);
        control?: (escrin.SecretControl.$Properties|null);
        get?: (escrin.SsssGet.$Properties|null);
        kind?: ("deal"|"control"|"get");
        static create(properties: escrin.SsssRequest.$Shape): escrin.SsssRequest & escrin.SsssRequest.$Shape;
        static create(properties?: escrin.SsssRequest.$Properties): escrin.SsssRequest;
        static encode(message: escrin.SsssRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssRequest & escrin.SsssRequest.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssRequest;
        static toObject(message: escrin.SsssRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssRequest {
        interface $Properties {
            deal?: (escrin.SsssDeal.$Properties|null);
            control?: (escrin.SecretControl.$Properties|null);
            get?: (escrin.SsssGet.$Properties|null);
            kind?: ("deal"|"control"|"get");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          deal?: escrin.SsssDeal.$Shape|null;
          control?: escrin.SecretControl.$Shape|null;
          get?: escrin.SsssGet.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; deal?: null; control?: null; get?: null }|{ kind?: "deal"; deal: escrin.SsssDeal.$Shape; control?: null; get?: null }|{ kind?: "control"; deal?: null; control: escrin.SecretControl.$Shape; get?: null }|{ kind?: "get"; deal?: null; control?: null; get: escrin.SsssGet.$Shape })
        );
    }

    interface ISsssShare extends escrin.SsssShare.$Properties {
    }

    class SsssShare {
        constructor(properties?: escrin.SsssShare.$Properties);
        $unknowns?: Uint8Array[];
        spec?: (escrin.SecretSpec.$Properties|null);
        share?: (escrin.SealedBox.$Properties|null);
        static create(properties: escrin.SsssShare.$Shape): escrin.SsssShare & escrin.SsssShare.$Shape;
        static create(properties?: escrin.SsssShare.$Properties): escrin.SsssShare;
        static encode(message: escrin.SsssShare.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssShare & escrin.SsssShare.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssShare;
        static toObject(message: escrin.SsssShare, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssShare {
        interface $Properties {
            spec?: (escrin.SecretSpec.$Properties|null);
            share?: (escrin.SealedBox.$Properties|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssShare.$Properties;
    }

    interface ISsssResponse extends escrin.SsssResponse.$Properties {
    }

    class SsssResponse {
        constructor(properties?: escrin.SsssResponse.$Properties);
        $unknowns?: Uint8Array[];
        share?: (escrin.SsssShare.$Properties|null);
        ok?: (boolean|null);
        failure?: (escrin.SsssFailure.$Properties|null);
        result?: ("share"|"ok"|"failure");
        static create(properties: escrin.SsssResponse.$Shape): escrin.SsssResponse & escrin.SsssResponse.$Shape;
        static create(properties?: escrin.SsssResponse.$Properties): escrin.SsssResponse;
        static encode(message: escrin.SsssResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssResponse & escrin.SsssResponse.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssResponse;
        static toObject(message: escrin.SsssResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssResponse {
        interface $Properties {
            share?: (escrin.SsssShare.$Properties|null);
            ok?: (boolean|null);
            failure?: (escrin.SsssFailure.$Properties|null);
            result?: ("share"|"ok"|"failure");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          share?: escrin.SsssShare.$Shape|null;
          ok?: boolean|null;
          failure?: escrin.SsssFailure.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ result?: undefined; share?: null; ok?: null; failure?: null }|{ result?: "share"; share: escrin.SsssShare.$Shape; ok?: null; failure?: null }|{ result?: "ok"; share?: null; ok: boolean; failure?: null }|{ result?: "failure"; share?: null; ok?: null; failure: escrin.SsssFailure.$Shape })
        );
    }

    interface ISsssCall extends escrin.SsssCall.$Properties {
    }

    class SsssCall {
        constructor(properties?: escrin.SsssCall.$Properties);
        $unknowns?: Uint8Array[];
        id: number;
        request: Uint8Array;
        knownSpec: Uint8Array;
        static create(properties: escrin.SsssCall.$Shape): escrin.SsssCall & escrin.SsssCall.$Shape;
        static create(properties?: escrin.SsssCall.$Properties): escrin.SsssCall;
        static encode(message: escrin.SsssCall.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssCall & escrin.SsssCall.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssCall;
        static toObject(message: escrin.SsssCall, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssCall {
        interface $Properties {
            id?: (number|null);
            request?: (Uint8Array|null);
            knownSpec?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssCall.$Properties;
    }

    interface ISsssReply extends escrin.SsssReply.$Properties {
    }

    class SsssReply {
        constructor(properties?: escrin.SsssReply.$Properties);
        $unknowns?: Uint8Array[];
        id: number;
        response: Uint8Array;
        static create(properties: escrin.SsssReply.$Shape): escrin.SsssReply & escrin.SsssReply.$Shape;
        static create(properties?: escrin.SsssReply.$Properties): escrin.SsssReply;
        static encode(message: escrin.SsssReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssReply & escrin.SsssReply.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssReply;
        static toObject(message: escrin.SsssReply, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssReply {
        interface $Properties {
            id?: (number|null);
            response?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssReply.$Properties;
    }

    interface ISsssFailure extends escrin.SsssFailure.$Properties {
    }

    class SsssFailure {
        constructor(properties?: escrin.SsssFailure.$Properties);
        $unknowns?: Uint8Array[];
        code: escrin.SsssErrorCode;
        message: string;
        static create(properties: escrin.SsssFailure.$Shape): escrin.SsssFailure & escrin.SsssFailure.$Shape;
        static create(properties?: escrin.SsssFailure.$Properties): escrin.SsssFailure;
        static encode(message: escrin.SsssFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.SsssFailure & escrin.SsssFailure.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.SsssFailure;
        static toObject(message: escrin.SsssFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace SsssFailure {
        interface $Properties {
            code?: (escrin.SsssErrorCode|null);
            message?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.SsssFailure.$Properties;
    }

    enum SsssErrorCode {
        SSSS_ERROR_UNSPECIFIED = 0,
        SSSS_MALFORMED = 1,
        SSSS_BAD_SIGNATURE = 2,
        SSSS_NOT_IN_CUSTODY = 3,
        SSSS_NOT_IN_SCOPE = 4,
        SSSS_STALE_REQUEST = 5,
        SSSS_REPLAYED = 6,
        SSSS_UNKNOWN_SECRET = 7,
        SSSS_BAD_SHARE = 8,
        SSSS_VERSION_CONFLICT = 9,
        SSSS_INTERNAL = 10,
        SSSS_RATE_LIMITED = 11
    }

    interface IBlobPut extends escrin.BlobPut.$Properties {
    }

    class BlobPut {
        constructor(properties?: escrin.BlobPut.$Properties);
        $unknowns?: Uint8Array[];
        policyId: string;
        size: (number|Long);
        replicas: Uint8Array[];
        cid: Uint8Array;
        createdAtMs: (number|Long);
        static create(properties: escrin.BlobPut.$Shape): escrin.BlobPut & escrin.BlobPut.$Shape;
        static create(properties?: escrin.BlobPut.$Properties): escrin.BlobPut;
        static encode(message: escrin.BlobPut.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobPut & escrin.BlobPut.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobPut;
        static toObject(message: escrin.BlobPut, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobPut {
        interface $Properties {
            policyId?: (string|null);
            size?: (number|Long|null);
            replicas?: (Uint8Array[]|null);
            cid?: (Uint8Array|null);
            createdAtMs?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobPut.$Properties;
    }

    interface IBlobGet extends escrin.BlobGet.$Properties {
    }

    class BlobGet {
        constructor(properties?: escrin.BlobGet.$Properties);
        $unknowns?: Uint8Array[];
        cid: Uint8Array;
        fromChunk: number;
        static create(properties: escrin.BlobGet.$Shape): escrin.BlobGet & escrin.BlobGet.$Shape;
        static create(properties?: escrin.BlobGet.$Properties): escrin.BlobGet;
        static encode(message: escrin.BlobGet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobGet & escrin.BlobGet.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobGet;
        static toObject(message: escrin.BlobGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobGet {
        interface $Properties {
            cid?: (Uint8Array|null);
            fromChunk?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobGet.$Properties;
    }

    interface IBlobHas extends escrin.BlobHas.$Properties {
    }

    class BlobHas {
        constructor(properties?: escrin.BlobHas.$Properties);
        $unknowns?: Uint8Array[];
        cids: Uint8Array[];
        static create(properties: escrin.BlobHas.$Shape): escrin.BlobHas & escrin.BlobHas.$Shape;
        static create(properties?: escrin.BlobHas.$Properties): escrin.BlobHas;
        static encode(message: escrin.BlobHas.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobHas & escrin.BlobHas.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobHas;
        static toObject(message: escrin.BlobHas, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobHas {
        interface $Properties {
            cids?: (Uint8Array[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobHas.$Properties;
    }

    interface IBlobReplicas extends escrin.BlobReplicas.$Properties {
    }

    class BlobReplicas {
        constructor(properties?: escrin.BlobReplicas.$Properties);
        $unknowns?: Uint8Array[];
        cid: Uint8Array;
        replicas: Uint8Array[];
        static create(properties: escrin.BlobReplicas.$Shape): escrin.BlobReplicas & escrin.BlobReplicas.$Shape;
        static create(properties?: escrin.BlobReplicas.$Properties): escrin.BlobReplicas;
        static encode(message: escrin.BlobReplicas.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobReplicas & escrin.BlobReplicas.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobReplicas;
        static toObject(message: escrin.BlobReplicas, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobReplicas {
        interface $Properties {
            cid?: (Uint8Array|null);
            replicas?: (Uint8Array[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobReplicas.$Properties;
    }

    interface IBlobDeletion extends escrin.BlobDeletion.$Properties {
    }

    class BlobDeletion {
        constructor(properties?: escrin.BlobDeletion.$Properties);
        $unknowns?: Uint8Array[];
        owner: Uint8Array;
        app: string;
        cids: Uint8Array[];
        issuedAtMs: (number|Long);
        signature: Uint8Array;
        all: boolean;
        static create(properties: escrin.BlobDeletion.$Shape): escrin.BlobDeletion & escrin.BlobDeletion.$Shape;
        static create(properties?: escrin.BlobDeletion.$Properties): escrin.BlobDeletion;
        static encode(message: escrin.BlobDeletion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobDeletion & escrin.BlobDeletion.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobDeletion;
        static toObject(message: escrin.BlobDeletion, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobDeletion {
        interface $Properties {
            owner?: (Uint8Array|null);
            app?: (string|null);
            cids?: (Uint8Array[]|null);
            issuedAtMs?: (number|Long|null);
            signature?: (Uint8Array|null);
            all?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobDeletion.$Properties;
    }

    interface IBlobRequest extends escrin.BlobRequest.$Properties {
    }

    class BlobRequest {
        constructor(properties?: escrin.BlobRequest.$Properties);
        $unknowns?: Uint8Array[];
        put?: (escrin.BlobPut.$Properties|null);
        get?: (escrin.BlobGet.$Properties|null);
        has?: (escrin.BlobHas.$Properties|null);
        replicas?: (escrin.BlobReplicas.$Properties|null);
        delete?: (escrin.BlobDeletion.$Properties|null);
        kind?: ("put"|"get"|"has"|"replicas"|"delete");
        static create(properties: escrin.BlobRequest.$Shape): escrin.BlobRequest & escrin.BlobRequest.$Shape;
        static create(properties?: escrin.BlobRequest.$Properties): escrin.BlobRequest;
        static encode(message: escrin.BlobRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobRequest & escrin.BlobRequest.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobRequest;
        static toObject(message: escrin.BlobRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobRequest {
        interface $Properties {
            put?: (escrin.BlobPut.$Properties|null);
            get?: (escrin.BlobGet.$Properties|null);
            has?: (escrin.BlobHas.$Properties|null);
            replicas?: (escrin.BlobReplicas.$Properties|null);
            "delete"?: (escrin.BlobDeletion.$Properties|null);
            kind?: ("put"|"get"|"has"|"replicas"|"delete");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          put?: escrin.BlobPut.$Shape|null;
          get?: escrin.BlobGet.$Shape|null;
          has?: escrin.BlobHas.$Shape|null;
          replicas?: escrin.BlobReplicas.$Shape|null;
          "delete"?: escrin.BlobDeletion.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; put?: null; get?: null; has?: null; replicas?: null; "delete"?: null }|{ kind?: "put"; put: escrin.BlobPut.$Shape; get?: null; has?: null; replicas?: null; "delete"?: null }|{ kind?: "get"; put?: null; get: escrin.BlobGet.$Shape; has?: null; replicas?: null; "delete"?: null }|{ kind?: "has"; put?: null; get?: null; has: escrin.BlobHas.$Shape; replicas?: null; "delete"?: null }|{ kind?: "replicas"; put?: null; get?: null; has?: null; replicas: escrin.BlobReplicas.$Shape; "delete"?: null }|{ kind?: "delete"; put?: null; get?: null; has?: null; replicas?: null; "delete": escrin.BlobDeletion.$Shape })
        );
    }

    interface IBlobEnd extends escrin.BlobEnd.$Properties {
    }

    class BlobEnd {
        constructor(properties?: escrin.BlobEnd.$Properties);
        $unknowns?: Uint8Array[];
        cid: Uint8Array;
        static create(properties: escrin.BlobEnd.$Shape): escrin.BlobEnd & escrin.BlobEnd.$Shape;
        static create(properties?: escrin.BlobEnd.$Properties): escrin.BlobEnd;
        static encode(message: escrin.BlobEnd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobEnd & escrin.BlobEnd.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobEnd;
        static toObject(message: escrin.BlobEnd, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobEnd {
        interface $Properties {
            cid?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobEnd.$Properties;
    }

    interface IBlobFrame extends escrin.BlobFrame.$Properties {
    }

    class BlobFrame {
        constructor(properties?: escrin.BlobFrame.$Properties);
        $unknowns?: Uint8Array[];
        end?: (escrin.BlobEnd.$Properties|null);
        ack?: (boolean|null);
        kind?: ("end"|"ack");
        static create(properties: escrin.BlobFrame.$Shape): escrin.BlobFrame & escrin.BlobFrame.$Shape;
        static create(properties?: escrin.BlobFrame.$Properties): escrin.BlobFrame;
        static encode(message: escrin.BlobFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobFrame & escrin.BlobFrame.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobFrame;
        static toObject(message: escrin.BlobFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobFrame {
        interface $Properties {
            end?: (escrin.BlobEnd.$Properties|null);
            ack?: (boolean|null);
            kind?: ("end"|"ack");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          end?: escrin.BlobEnd.$Shape|null;
          ack?: boolean|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ kind?: undefined; end?: null; ack?: null }|{ kind?: "end"; end: escrin.BlobEnd.$Shape; ack?: null }|{ kind?: "ack"; end?: null; ack: boolean })
        );
    }

    interface IBlobFound extends escrin.BlobFound.$Properties {
    }

    class BlobFound {
        constructor(properties?: escrin.BlobFound.$Properties);
        $unknowns?: Uint8Array[];
        policyId: string;
        size: (number|Long);
        manifest: Uint8Array;
        static create(properties: escrin.BlobFound.$Shape): escrin.BlobFound & escrin.BlobFound.$Shape;
        static create(properties?: escrin.BlobFound.$Properties): escrin.BlobFound;
        static encode(message: escrin.BlobFound.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobFound & escrin.BlobFound.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobFound;
        static toObject(message: escrin.BlobFound, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobFound {
        interface $Properties {
            policyId?: (string|null);
            size?: (number|Long|null);
            manifest?: (Uint8Array|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobFound.$Properties;
    }

    interface IBlobHeld extends escrin.BlobHeld.$Properties {
    }

    class BlobHeld {
        constructor(properties?: escrin.BlobHeld.$Properties);
        $unknowns?: Uint8Array[];
        cids: Uint8Array[];
        deletions: escrin.BlobDeletion.$Properties[];
        static create(properties: escrin.BlobHeld.$Shape): escrin.BlobHeld & escrin.BlobHeld.$Shape;
        static create(properties?: escrin.BlobHeld.$Properties): escrin.BlobHeld;
        static encode(message: escrin.BlobHeld.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobHeld & escrin.BlobHeld.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobHeld;
        static toObject(message: escrin.BlobHeld, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobHeld {
        interface $Properties {
            cids?: (Uint8Array[]|null);
            deletions?: (escrin.BlobDeletion.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobHeld.$Properties;
    }

    interface IBlobRemoved extends escrin.BlobRemoved.$Properties {
    }

    class BlobRemoved {
        constructor(properties?: escrin.BlobRemoved.$Properties);
        $unknowns?: Uint8Array[];
        cids: Uint8Array[];
        count: number;
        static create(properties: escrin.BlobRemoved.$Shape): escrin.BlobRemoved & escrin.BlobRemoved.$Shape;
        static create(properties?: escrin.BlobRemoved.$Properties): escrin.BlobRemoved;
        static encode(message: escrin.BlobRemoved.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobRemoved & escrin.BlobRemoved.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobRemoved;
        static toObject(message: escrin.BlobRemoved, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobRemoved {
        interface $Properties {
            cids?: (Uint8Array[]|null);
            count?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobRemoved.$Properties;
    }

    interface IBlobResponse extends escrin.BlobResponse.$Properties {
    }

    class BlobResponse {
        constructor(properties?: escrin.BlobResponse.$Properties);
        $unknowns?: Uint8Array[];
        ready?: (boolean|null);
        have?: (boolean|null);
        stored?: (Uint8Array|null);
        found?: (escrin.BlobFound.$Properties|null);
        held?: (escrin.BlobHeld.$Properties|null);
        ok?: (boolean|null);
        failure?: (escrin.BlobFailure.$Properties|null);
        removed?: (escrin.BlobRemoved.$Properties|null);
        result?: ("ready"|"have"|"stored"|"found"|"held"|"ok"|"failure"|"removed");
        static create(properties: escrin.BlobResponse.$Shape): escrin.BlobResponse & escrin.BlobResponse.$Shape;
        static create(properties?: escrin.BlobResponse.$Properties): escrin.BlobResponse;
        static encode(message: escrin.BlobResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobResponse & escrin.BlobResponse.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobResponse;
        static toObject(message: escrin.BlobResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobResponse {
        interface $Properties {
            ready?: (boolean|null);
            have?: (boolean|null);
            stored?: (Uint8Array|null);
            found?: (escrin.BlobFound.$Properties|null);
            held?: (escrin.BlobHeld.$Properties|null);
            ok?: (boolean|null);
            failure?: (escrin.BlobFailure.$Properties|null);
            removed?: (escrin.BlobRemoved.$Properties|null);
            result?: ("ready"|"have"|"stored"|"found"|"held"|"ok"|"failure"|"removed");
            $unknowns?: Uint8Array[];
        }
        type $Shape = {
          ready?: boolean|null;
          have?: boolean|null;
          stored?: Uint8Array|null;
          found?: escrin.BlobFound.$Shape|null;
          held?: escrin.BlobHeld.$Shape|null;
          ok?: boolean|null;
          failure?: escrin.BlobFailure.$Shape|null;
          removed?: escrin.BlobRemoved.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ result?: undefined; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "ready"; ready: boolean; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "have"; ready?: null; have: boolean; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "stored"; ready?: null; have?: null; stored: Uint8Array; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "found"; ready?: null; have?: null; stored?: null; found: escrin.BlobFound.$Shape; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "held"; ready?: null; have?: null; stored?: null; found?: null; held: escrin.BlobHeld.$Shape; ok?: null; failure?: null; removed?: null }|{ result?: "ok"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok: boolean; failure?: null; removed?: null }|{ result?: "failure"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure: escrin.BlobFailure.$Shape; removed?: null }|{ result?: "removed"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed: escrin.BlobRemoved.$Shape })
        );
    }

    interface IBlobFailure extends escrin.BlobFailure.$Properties {
    }

    class BlobFailure {
        constructor(properties?: escrin.BlobFailure.$Properties);
        $unknowns?: Uint8Array[];
        code: escrin.BlobErrorCode;
        message: string;
        static create(properties: escrin.BlobFailure.$Shape): escrin.BlobFailure & escrin.BlobFailure.$Shape;
        static create(properties?: escrin.BlobFailure.$Properties): escrin.BlobFailure;
        static encode(message: escrin.BlobFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
        static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): escrin.BlobFailure & escrin.BlobFailure.$Shape;
        static verify(message: { [k: string]: any }): (string|null);
        static fromObject(object: { [k: string]: any }): escrin.BlobFailure;
        static toObject(message: escrin.BlobFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
    }

    namespace BlobFailure {
        interface $Properties {
            code?: (escrin.BlobErrorCode|null);
            message?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = escrin.BlobFailure.$Properties;
    }

    enum BlobErrorCode {
        BLOB_ERROR_UNSPECIFIED = 0,
        BLOB_MALFORMED = 1,
        BLOB_NOT_FOUND = 2,
        BLOB_TOO_LARGE = 3,
        BLOB_QUOTA_EXCEEDED = 4,
        BLOB_OUT_OF_SCOPE = 5,
        BLOB_CORRUPTED = 6,
        BLOB_BUSY = 7,
        BLOB_SHUTTING_DOWN = 8,
        BLOB_INTERNAL = 9,
        BLOB_BAD_SIGNATURE = 10,
        BLOB_DELETED = 11
    }
}
