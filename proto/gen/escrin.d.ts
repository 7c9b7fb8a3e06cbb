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
}
