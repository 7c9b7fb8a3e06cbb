/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const escrin = $root.escrin = (() => {

    /**
     * Namespace escrin.
     * @exports escrin
     * @namespace
     */
    const escrin = {};

    /**
     * Role enum.
     * @name escrin.Role
     * @enum {number}
     * @property {number} ROLE_UNSPECIFIED=0 ROLE_UNSPECIFIED value
     * @property {number} ROLE_RUNNER=1 ROLE_RUNNER value
     * @property {number} ROLE_SSSS=2 ROLE_SSSS value
     * @property {number} ROLE_STORAGE=3 ROLE_STORAGE value
     */
    escrin.Role = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "ROLE_UNSPECIFIED"] = 0;
        values[valuesById[1] = "ROLE_RUNNER"] = 1;
        values[valuesById[2] = "ROLE_SSSS"] = 2;
        values[valuesById[3] = "ROLE_STORAGE"] = 3;
        return values;
    })();

    escrin.SignedEnvelope = (function() {

        /**
         * Properties of a SignedEnvelope.
         * @typedef {Object} escrin.SignedEnvelope.$Properties
         * @property {string|null} [domain] SignedEnvelope domain
         * @property {Uint8Array|null} [publicKey] SignedEnvelope publicKey
         * @property {Uint8Array|null} [payload] SignedEnvelope payload
         * @property {Uint8Array|null} [signature] SignedEnvelope signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SignedEnvelope.
         * @memberof escrin
         * @interface ISignedEnvelope
         * @augments escrin.SignedEnvelope.$Properties
         * @deprecated Use escrin.SignedEnvelope.$Properties instead.
         */

        /**
         * Shape of a SignedEnvelope.
         * @typedef {escrin.SignedEnvelope.$Properties} escrin.SignedEnvelope.$Shape
         */

        /**
         * Constructs a new SignedEnvelope.
         * @memberof escrin
         * @classdesc Represents a SignedEnvelope.
         * @constructor
         * @param {escrin.SignedEnvelope.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SignedEnvelope = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SignedEnvelope domain.
         * @member {string} domain
         * @memberof escrin.SignedEnvelope
         * @instance
         */
        SignedEnvelope.prototype.domain = "";

        /**
         * SignedEnvelope publicKey.
         * @member {Uint8Array} publicKey
         * @memberof escrin.SignedEnvelope
         * @instance
         */
        SignedEnvelope.prototype.publicKey = $util.newBuffer([]);

        /**
         * SignedEnvelope payload.
         * @member {Uint8Array} payload
         * @memberof escrin.SignedEnvelope
         * @instance
         */
        SignedEnvelope.prototype.payload = $util.newBuffer([]);

        /**
         * SignedEnvelope signature.
         * @member {Uint8Array} signature
         * @memberof escrin.SignedEnvelope
         * @instance
         */
        SignedEnvelope.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SignedEnvelope instance using the specified properties.
         * @function create
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {escrin.SignedEnvelope.$Properties=} [properties] Properties to set
         * @returns {escrin.SignedEnvelope} SignedEnvelope instance
         * @type {{
         *   (properties: escrin.SignedEnvelope.$Shape): escrin.SignedEnvelope & escrin.SignedEnvelope.$Shape;
         *   (properties?: escrin.SignedEnvelope.$Properties): escrin.SignedEnvelope;
         * }}
         */
        SignedEnvelope.create = function(properties) {
            return new SignedEnvelope(properties);
        };

        /**
         * Encodes the specified SignedEnvelope message. Does not implicitly {@link escrin.SignedEnvelope.verify|verify} messages.
         * @function encode
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {escrin.SignedEnvelope.$Properties} message SignedEnvelope message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SignedEnvelope.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.domain != null && $Object.hasOwnProperty.call(message, "domain") && message.domain !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.domain);
            if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.publicKey);
            if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.payload);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SignedEnvelope message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SignedEnvelope & escrin.SignedEnvelope.$Shape} SignedEnvelope
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SignedEnvelope.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SignedEnvelope();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.domain = value;
                        else
                            delete message.domain;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.publicKey = value;
                        else
                            delete message.publicKey;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.payload = value;
                        else
                            delete message.payload;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SignedEnvelope message.
         * @function verify
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SignedEnvelope.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.domain != null && $Object.hasOwnProperty.call(message, "domain"))
                if (!$util.isString(message.domain))
                    return "domain: string expected";
            if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey"))
                if (!(message.publicKey && typeof message.publicKey.length === "number" || $util.isString(message.publicKey)))
                    return "publicKey: buffer expected";
            if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                if (!(message.payload && typeof message.payload.length === "number" || $util.isString(message.payload)))
                    return "payload: buffer expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SignedEnvelope} SignedEnvelope
         */
        SignedEnvelope.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SignedEnvelope)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SignedEnvelope: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SignedEnvelope();
            if (object.domain != null)
                if (typeof object.domain !== "string" || object.domain.length)
                    message.domain = $String(object.domain);
            if (object.publicKey != null)
                if (object.publicKey.length)
                    if (typeof object.publicKey === "string")
                        $util.base64.decode(object.publicKey, message.publicKey = $util.newBuffer($util.base64.length(object.publicKey)), 0);
                    else if (object.publicKey.length >= 0)
                        message.publicKey = object.publicKey;
            if (object.payload != null)
                if (object.payload.length)
                    if (typeof object.payload === "string")
                        $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                    else if (object.payload.length >= 0)
                        message.payload = object.payload;
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SignedEnvelope
         * @static
         * @param {escrin.SignedEnvelope} message SignedEnvelope
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SignedEnvelope.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.domain = "";
                if (options.bytes === $String)
                    object.publicKey = "";
                else {
                    object.publicKey = [];
                    if (options.bytes !== $Array)
                        object.publicKey = $util.newBuffer(object.publicKey);
                }
                if (options.bytes === $String)
                    object.payload = "";
                else {
                    object.payload = [];
                    if (options.bytes !== $Array)
                        object.payload = $util.newBuffer(object.payload);
                }
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.domain != null && $Object.hasOwnProperty.call(message, "domain"))
                object.domain = message.domain;
            if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey"))
                object.publicKey = options.bytes === $String ? $util.base64.encode(message.publicKey, 0, message.publicKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.publicKey) : message.publicKey;
            if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this SignedEnvelope to JSON.
         * @function toJSON
         * @memberof escrin.SignedEnvelope
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SignedEnvelope.prototype.toJSON = function() {
            return SignedEnvelope.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SignedEnvelope;
    })();

    escrin.Hello = (function() {

        /**
         * Properties of a Hello.
         * @typedef {Object} escrin.Hello.$Properties
         * @property {string|null} [network] Hello network
         * @property {string|null} [version] Hello version
         * @property {Array.<escrin.Role>|null} [roles] Hello roles
         * @property {number|Long|null} [timestampMs] Hello timestampMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Hello.
         * @memberof escrin
         * @interface IHello
         * @augments escrin.Hello.$Properties
         * @deprecated Use escrin.Hello.$Properties instead.
         */

        /**
         * Shape of a Hello.
         * @typedef {escrin.Hello.$Properties} escrin.Hello.$Shape
         */

        /**
         * Constructs a new Hello.
         * @memberof escrin
         * @classdesc Represents a Hello.
         * @constructor
         * @param {escrin.Hello.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Hello = function (properties) {
            this.roles = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Hello network.
         * @member {string} network
         * @memberof escrin.Hello
         * @instance
         */
        Hello.prototype.network = "";

        /**
         * Hello version.
         * @member {string} version
         * @memberof escrin.Hello
         * @instance
         */
        Hello.prototype.version = "";

        /**
         * Hello roles.
         * @member {Array.<escrin.Role>} roles
         * @memberof escrin.Hello
         * @instance
         */
        Hello.prototype.roles = $util.emptyArray;

        /**
         * Hello timestampMs.
         * @member {number|Long} timestampMs
         * @memberof escrin.Hello
         * @instance
         */
        Hello.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Hello instance using the specified properties.
         * @function create
         * @memberof escrin.Hello
         * @static
         * @param {escrin.Hello.$Properties=} [properties] Properties to set
         * @returns {escrin.Hello} Hello instance
         * @type {{
         *   (properties: escrin.Hello.$Shape): escrin.Hello & escrin.Hello.$Shape;
         *   (properties?: escrin.Hello.$Properties): escrin.Hello;
         * }}
         */
        Hello.create = function(properties) {
            return new Hello(properties);
        };

        /**
         * Encodes the specified Hello message. Does not implicitly {@link escrin.Hello.verify|verify} messages.
         * @function encode
         * @memberof escrin.Hello
         * @static
         * @param {escrin.Hello.$Properties} message Hello message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Hello.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.network != null && $Object.hasOwnProperty.call(message, "network") && message.network !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.network);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.version);
            if (message.roles != null && message.roles.length)
                writer.uint32(/* id 3, wireType 2 =*/26).int32s(message.roles);
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs") && (typeof message.timestampMs === "object" ? message.timestampMs.low || message.timestampMs.high : message.timestampMs !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.timestampMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a Hello message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.Hello
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.Hello & escrin.Hello.$Shape} Hello
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Hello.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.Hello();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.network = value;
                        else
                            delete message.network;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 3: {
                        if (wireType === 2) {
                            if (!(message.roles && message.roles.length))
                                message.roles = [];
                            reader.int32s(message.roles);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.roles && message.roles.length))
                            message.roles = [];
                        message.roles.push(reader.int32());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestampMs = value;
                        else
                            delete message.timestampMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a Hello message.
         * @function verify
         * @memberof escrin.Hello
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Hello.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.network != null && $Object.hasOwnProperty.call(message, "network"))
                if (!$util.isString(message.network))
                    return "network: string expected";
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (!$util.isString(message.version))
                    return "version: string expected";
            if (message.roles != null && $Object.hasOwnProperty.call(message, "roles")) {
                if (!$Array.isArray(message.roles))
                    return "roles: array expected";
                for (let i = 0; i < message.roles.length; ++i)
                    if (typeof message.roles[i] !== "number" || (message.roles[i] | 0) !== message.roles[i])
                        return "roles: enum value[] expected";
            }
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs"))
                if (!$util.isInteger(message.timestampMs) && !(message.timestampMs && $util.isInteger(message.timestampMs.low) && $util.isInteger(message.timestampMs.high)))
                    return "timestampMs: integer|Long expected";
            return null;
        };

        /**
         * Creates a Hello message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.Hello
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.Hello} Hello
         */
        Hello.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.Hello)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.Hello: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.Hello();
            if (object.network != null)
                if (typeof object.network !== "string" || object.network.length)
                    message.network = $String(object.network);
            if (object.version != null)
                if (typeof object.version !== "string" || object.version.length)
                    message.version = $String(object.version);
            if (object.roles) {
                if (!$Array.isArray(object.roles))
                    throw $TypeError(".escrin.Hello.roles: array expected");
                message.roles = [];
                for (let i = 0; i < object.roles.length; ++i)
                    switch (object.roles[i]) {
                    case "ROLE_UNSPECIFIED":
                    case 0:
                        message.roles[message.roles.length] = 0;
                        break;
                    case "ROLE_RUNNER":
                    case 1:
                        message.roles[message.roles.length] = 1;
                        break;
                    case "ROLE_SSSS":
                    case 2:
                        message.roles[message.roles.length] = 2;
                        break;
                    case "ROLE_STORAGE":
                    case 3:
                        message.roles[message.roles.length] = 3;
                        break;
                    default:
                        if (typeof object.roles[i] === "number" && (object.roles[i] | 0) === object.roles[i])
                            message.roles[message.roles.length] = object.roles[i];
                    }
            }
            if (object.timestampMs != null)
                if (typeof object.timestampMs === "object" ? object.timestampMs.low || object.timestampMs.high : $Number(object.timestampMs) !== 0)
                    if ($util.Long)
                        message.timestampMs = $util.Long.fromValue(object.timestampMs, true);
                    else if (typeof object.timestampMs === "string")
                        message.timestampMs = $parseInt(object.timestampMs, 10);
                    else if (typeof object.timestampMs === "number")
                        message.timestampMs = object.timestampMs;
                    else if (typeof object.timestampMs === "object")
                        message.timestampMs = new $util.LongBits(object.timestampMs.low >>> 0, object.timestampMs.high >>> 0).toNumber(true);
            return message;
        };

        /**
         * Creates a plain object from a Hello message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.Hello
         * @static
         * @param {escrin.Hello} message Hello
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Hello.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.roles = [];
            if (options.defaults) {
                object.network = "";
                object.version = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.timestampMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.timestampMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.network != null && $Object.hasOwnProperty.call(message, "network"))
                object.network = message.network;
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                object.version = message.version;
            if (message.roles && message.roles.length) {
                object.roles = $Array(message.roles.length);
                for (let j = 0; j < message.roles.length; ++j)
                    object.roles[j] = options.enums === $String ? $root.escrin.Role[message.roles[j]] === $undefined ? message.roles[j] : $root.escrin.Role[message.roles[j]] : message.roles[j];
            }
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.timestampMs = typeof message.timestampMs === "number" ? $BigInt(message.timestampMs) : $util.Long.fromBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0, true).toBigInt();
                else if (typeof message.timestampMs === "number")
                    object.timestampMs = options.longs === $String ? $String(message.timestampMs) : message.timestampMs;
                else
                    object.timestampMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timestampMs) : options.longs === $Number ? new $util.LongBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0).toNumber(true) : message.timestampMs;
            return object;
        };

        /**
         * Converts this Hello to JSON.
         * @function toJSON
         * @memberof escrin.Hello
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Hello.prototype.toJSON = function() {
            return Hello.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Hello;
    })();

    escrin.SignedPolicy = (function() {

        /**
         * Properties of a SignedPolicy.
         * @typedef {Object} escrin.SignedPolicy.$Properties
         * @property {Uint8Array|null} [owner] SignedPolicy owner
         * @property {string|null} [name] SignedPolicy name
         * @property {number|Long|null} [version] SignedPolicy version
         * @property {string|null} [predicate] SignedPolicy predicate
         * @property {number|Long|null} [createdAt] SignedPolicy createdAt
         * @property {Uint8Array|null} [signature] SignedPolicy signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SignedPolicy.
         * @memberof escrin
         * @interface ISignedPolicy
         * @augments escrin.SignedPolicy.$Properties
         * @deprecated Use escrin.SignedPolicy.$Properties instead.
         */

        /**
         * Shape of a SignedPolicy.
         * @typedef {escrin.SignedPolicy.$Properties} escrin.SignedPolicy.$Shape
         */

        /**
         * Constructs a new SignedPolicy.
         * @memberof escrin
         * @classdesc Represents a SignedPolicy.
         * @constructor
         * @param {escrin.SignedPolicy.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SignedPolicy = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SignedPolicy owner.
         * @member {Uint8Array} owner
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.owner = $util.newBuffer([]);

        /**
         * SignedPolicy name.
         * @member {string} name
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.name = "";

        /**
         * SignedPolicy version.
         * @member {number|Long} version
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SignedPolicy predicate.
         * @member {string} predicate
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.predicate = "";

        /**
         * SignedPolicy createdAt.
         * @member {number|Long} createdAt
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SignedPolicy signature.
         * @member {Uint8Array} signature
         * @memberof escrin.SignedPolicy
         * @instance
         */
        SignedPolicy.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SignedPolicy instance using the specified properties.
         * @function create
         * @memberof escrin.SignedPolicy
         * @static
         * @param {escrin.SignedPolicy.$Properties=} [properties] Properties to set
         * @returns {escrin.SignedPolicy} SignedPolicy instance
         * @type {{
         *   (properties: escrin.SignedPolicy.$Shape): escrin.SignedPolicy & escrin.SignedPolicy.$Shape;
         *   (properties?: escrin.SignedPolicy.$Properties): escrin.SignedPolicy;
         * }}
         */
        SignedPolicy.create = function(properties) {
            return new SignedPolicy(properties);
        };

        /**
         * Encodes the specified SignedPolicy message. Does not implicitly {@link escrin.SignedPolicy.verify|verify} messages.
         * @function encode
         * @memberof escrin.SignedPolicy
         * @static
         * @param {escrin.SignedPolicy.$Properties} message SignedPolicy message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SignedPolicy.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.owner);
            if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
            if (message.predicate != null && $Object.hasOwnProperty.call(message, "predicate") && message.predicate !== "")
                writer.uint32(/* id 4, wireType 2 =*/34).string(message.predicate);
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.createdAt);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SignedPolicy message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SignedPolicy
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SignedPolicy & escrin.SignedPolicy.$Shape} SignedPolicy
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SignedPolicy.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SignedPolicy();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.name = value;
                        else
                            delete message.name;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.predicate = value;
                        else
                            delete message.predicate;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.createdAt = value;
                        else
                            delete message.createdAt;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SignedPolicy message.
         * @function verify
         * @memberof escrin.SignedPolicy
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SignedPolicy.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                if (!(message.owner && typeof message.owner.length === "number" || $util.isString(message.owner)))
                    return "owner: buffer expected";
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                if (!$util.isString(message.name))
                    return "name: string expected";
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
                    return "version: integer|Long expected";
            if (message.predicate != null && $Object.hasOwnProperty.call(message, "predicate"))
                if (!$util.isString(message.predicate))
                    return "predicate: string expected";
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                if (!$util.isInteger(message.createdAt) && !(message.createdAt && $util.isInteger(message.createdAt.low) && $util.isInteger(message.createdAt.high)))
                    return "createdAt: integer|Long expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a SignedPolicy message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SignedPolicy
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SignedPolicy} SignedPolicy
         */
        SignedPolicy.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SignedPolicy)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SignedPolicy: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SignedPolicy();
            if (object.owner != null)
                if (object.owner.length)
                    if (typeof object.owner === "string")
                        $util.base64.decode(object.owner, message.owner = $util.newBuffer($util.base64.length(object.owner)), 0);
                    else if (object.owner.length >= 0)
                        message.owner = object.owner;
            if (object.name != null)
                if (typeof object.name !== "string" || object.name.length)
                    message.name = $String(object.name);
            if (object.version != null)
                if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                    if ($util.Long)
                        message.version = $util.Long.fromValue(object.version, true);
                    else if (typeof object.version === "string")
                        message.version = $parseInt(object.version, 10);
                    else if (typeof object.version === "number")
                        message.version = object.version;
                    else if (typeof object.version === "object")
                        message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
            if (object.predicate != null)
                if (typeof object.predicate !== "string" || object.predicate.length)
                    message.predicate = $String(object.predicate);
            if (object.createdAt != null)
                if (typeof object.createdAt === "object" ? object.createdAt.low || object.createdAt.high : $Number(object.createdAt) !== 0)
                    if ($util.Long)
                        message.createdAt = $util.Long.fromValue(object.createdAt, true);
                    else if (typeof object.createdAt === "string")
                        message.createdAt = $parseInt(object.createdAt, 10);
                    else if (typeof object.createdAt === "number")
                        message.createdAt = object.createdAt;
                    else if (typeof object.createdAt === "object")
                        message.createdAt = new $util.LongBits(object.createdAt.low >>> 0, object.createdAt.high >>> 0).toNumber(true);
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a SignedPolicy message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SignedPolicy
         * @static
         * @param {escrin.SignedPolicy} message SignedPolicy
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SignedPolicy.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.owner = "";
                else {
                    object.owner = [];
                    if (options.bytes !== $Array)
                        object.owner = $util.newBuffer(object.owner);
                }
                object.name = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.predicate = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.createdAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.createdAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                object.owner = options.bytes === $String ? $util.base64.encode(message.owner, 0, message.owner.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.owner) : message.owner;
            if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                object.name = message.name;
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                else if (typeof message.version === "number")
                    object.version = options.longs === $String ? $String(message.version) : message.version;
                else
                    object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
            if (message.predicate != null && $Object.hasOwnProperty.call(message, "predicate"))
                object.predicate = message.predicate;
            if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.createdAt = typeof message.createdAt === "number" ? $BigInt(message.createdAt) : $util.Long.fromBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0, true).toBigInt();
                else if (typeof message.createdAt === "number")
                    object.createdAt = options.longs === $String ? $String(message.createdAt) : message.createdAt;
                else
                    object.createdAt = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAt) : options.longs === $Number ? new $util.LongBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0).toNumber(true) : message.createdAt;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this SignedPolicy to JSON.
         * @function toJSON
         * @memberof escrin.SignedPolicy
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SignedPolicy.prototype.toJSON = function() {
            return SignedPolicy.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SignedPolicy;
    })();

    escrin.AttestationRecord = (function() {

        /**
         * Properties of an AttestationRecord.
         * @typedef {Object} escrin.AttestationRecord.$Properties
         * @property {Uint8Array|null} [peerId] AttestationRecord peerId
         * @property {Array.<escrin.Role>|null} [roles] AttestationRecord roles
         * @property {escrin.Evidence.$Properties|null} [evidence] AttestationRecord evidence
         * @property {Uint8Array|null} [enclaveX25519] AttestationRecord enclaveX25519
         * @property {Uint8Array|null} [enclaveSigningKey] AttestationRecord enclaveSigningKey
         * @property {Uint8Array|null} [operator] AttestationRecord operator
         * @property {Uint8Array|null} [operatorSignature] AttestationRecord operatorSignature
         * @property {number|null} [capacity] AttestationRecord capacity
         * @property {number|Long|null} [price] AttestationRecord price
         * @property {number|Long|null} [seq] AttestationRecord seq
         * @property {number|Long|null} [expiresAtMs] AttestationRecord expiresAtMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an AttestationRecord.
         * @memberof escrin
         * @interface IAttestationRecord
         * @augments escrin.AttestationRecord.$Properties
         * @deprecated Use escrin.AttestationRecord.$Properties instead.
         */

        /**
         * Shape of an AttestationRecord.
         * @typedef {escrin.AttestationRecord.$Properties} escrin.AttestationRecord.$Shape
         */

        /**
         * Constructs a new AttestationRecord.
         * @memberof escrin
         * @classdesc Represents an AttestationRecord.
         * @constructor
         * @param {escrin.AttestationRecord.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const AttestationRecord = function (properties) {
            this.roles = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * AttestationRecord peerId.
         * @member {Uint8Array} peerId
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.peerId = $util.newBuffer([]);

        /**
         * AttestationRecord roles.
         * @member {Array.<escrin.Role>} roles
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.roles = $util.emptyArray;

        /**
         * AttestationRecord evidence.
         * @member {escrin.Evidence.$Properties|null|undefined} evidence
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.evidence = null;

        /**
         * AttestationRecord enclaveX25519.
         * @member {Uint8Array} enclaveX25519
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.enclaveX25519 = $util.newBuffer([]);

        /**
         * AttestationRecord enclaveSigningKey.
         * @member {Uint8Array} enclaveSigningKey
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.enclaveSigningKey = $util.newBuffer([]);

        /**
         * AttestationRecord operator.
         * @member {Uint8Array} operator
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.operator = $util.newBuffer([]);

        /**
         * AttestationRecord operatorSignature.
         * @member {Uint8Array} operatorSignature
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.operatorSignature = $util.newBuffer([]);

        /**
         * AttestationRecord capacity.
         * @member {number} capacity
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.capacity = 0;

        /**
         * AttestationRecord price.
         * @member {number|Long} price
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.price = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AttestationRecord seq.
         * @member {number|Long} seq
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * AttestationRecord expiresAtMs.
         * @member {number|Long} expiresAtMs
         * @memberof escrin.AttestationRecord
         * @instance
         */
        AttestationRecord.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new AttestationRecord instance using the specified properties.
         * @function create
         * @memberof escrin.AttestationRecord
         * @static
         * @param {escrin.AttestationRecord.$Properties=} [properties] Properties to set
         * @returns {escrin.AttestationRecord} AttestationRecord instance
         * @type {{
         *   (properties: escrin.AttestationRecord.$Shape): escrin.AttestationRecord & escrin.AttestationRecord.$Shape;
         *   (properties?: escrin.AttestationRecord.$Properties): escrin.AttestationRecord;
         * }}
         */
        AttestationRecord.create = function(properties) {
            return new AttestationRecord(properties);
        };

        /**
         * Encodes the specified AttestationRecord message. Does not implicitly {@link escrin.AttestationRecord.verify|verify} messages.
         * @function encode
         * @memberof escrin.AttestationRecord
         * @static
         * @param {escrin.AttestationRecord.$Properties} message AttestationRecord message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        AttestationRecord.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId") && message.peerId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.peerId);
            if (message.roles != null && message.roles.length)
                writer.uint32(/* id 2, wireType 2 =*/18).int32s(message.roles);
            if (message.evidence != null && $Object.hasOwnProperty.call(message, "evidence"))
                $root.escrin.Evidence.encode(message.evidence, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.enclaveX25519 != null && $Object.hasOwnProperty.call(message, "enclaveX25519") && message.enclaveX25519.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.enclaveX25519);
            if (message.enclaveSigningKey != null && $Object.hasOwnProperty.call(message, "enclaveSigningKey") && message.enclaveSigningKey.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.enclaveSigningKey);
            if (message.operator != null && $Object.hasOwnProperty.call(message, "operator") && message.operator.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.operator);
            if (message.operatorSignature != null && $Object.hasOwnProperty.call(message, "operatorSignature") && message.operatorSignature.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.operatorSignature);
            if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.capacity);
            if (message.price != null && $Object.hasOwnProperty.call(message, "price") && (typeof message.price === "object" ? message.price.low || message.price.high : message.price !== 0))
                writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.price);
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                writer.uint32(/* id 10, wireType 0 =*/80).uint64(message.seq);
            if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs") && (typeof message.expiresAtMs === "object" ? message.expiresAtMs.low || message.expiresAtMs.high : message.expiresAtMs !== 0))
                writer.uint32(/* id 11, wireType 0 =*/88).uint64(message.expiresAtMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an AttestationRecord message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.AttestationRecord
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.AttestationRecord & escrin.AttestationRecord.$Shape} AttestationRecord
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        AttestationRecord.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.AttestationRecord();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.peerId = value;
                        else
                            delete message.peerId;
                        continue;
                    }
                case 2: {
                        if (wireType === 2) {
                            if (!(message.roles && message.roles.length))
                                message.roles = [];
                            reader.int32s(message.roles);
                            continue;
                        }
                        if (wireType !== 0)
                            break;
                        if (!(message.roles && message.roles.length))
                            message.roles = [];
                        message.roles.push(reader.int32());
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.evidence = $root.escrin.Evidence.decode(reader, reader.size(), $undefined, _depth + 1, message.evidence);
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.enclaveX25519 = value;
                        else
                            delete message.enclaveX25519;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.enclaveSigningKey = value;
                        else
                            delete message.enclaveSigningKey;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.operator = value;
                        else
                            delete message.operator;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.operatorSignature = value;
                        else
                            delete message.operatorSignature;
                        continue;
                    }
                case 8: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.capacity = value;
                        else
                            delete message.capacity;
                        continue;
                    }
                case 9: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.price = value;
                        else
                            delete message.price;
                        continue;
                    }
                case 10: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.seq = value;
                        else
                            delete message.seq;
                        continue;
                    }
                case 11: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.expiresAtMs = value;
                        else
                            delete message.expiresAtMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies an AttestationRecord message.
         * @function verify
         * @memberof escrin.AttestationRecord
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        AttestationRecord.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                if (!(message.peerId && typeof message.peerId.length === "number" || $util.isString(message.peerId)))
                    return "peerId: buffer expected";
            if (message.roles != null && $Object.hasOwnProperty.call(message, "roles")) {
                if (!$Array.isArray(message.roles))
                    return "roles: array expected";
                for (let i = 0; i < message.roles.length; ++i)
                    if (typeof message.roles[i] !== "number" || (message.roles[i] | 0) !== message.roles[i])
                        return "roles: enum value[] expected";
            }
            if (message.evidence != null && $Object.hasOwnProperty.call(message, "evidence")) {
                let error = $root.escrin.Evidence.verify(message.evidence, _depth + 1);
                if (error)
                    return "evidence." + error;
            }
            if (message.enclaveX25519 != null && $Object.hasOwnProperty.call(message, "enclaveX25519"))
                if (!(message.enclaveX25519 && typeof message.enclaveX25519.length === "number" || $util.isString(message.enclaveX25519)))
                    return "enclaveX25519: buffer expected";
            if (message.enclaveSigningKey != null && $Object.hasOwnProperty.call(message, "enclaveSigningKey"))
                if (!(message.enclaveSigningKey && typeof message.enclaveSigningKey.length === "number" || $util.isString(message.enclaveSigningKey)))
                    return "enclaveSigningKey: buffer expected";
            if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                if (!(message.operator && typeof message.operator.length === "number" || $util.isString(message.operator)))
                    return "operator: buffer expected";
            if (message.operatorSignature != null && $Object.hasOwnProperty.call(message, "operatorSignature"))
                if (!(message.operatorSignature && typeof message.operatorSignature.length === "number" || $util.isString(message.operatorSignature)))
                    return "operatorSignature: buffer expected";
            if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                if (!$util.isInteger(message.capacity))
                    return "capacity: integer expected";
            if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                if (!$util.isInteger(message.price) && !(message.price && $util.isInteger(message.price.low) && $util.isInteger(message.price.high)))
                    return "price: integer|Long expected";
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                    return "seq: integer|Long expected";
            if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                if (!$util.isInteger(message.expiresAtMs) && !(message.expiresAtMs && $util.isInteger(message.expiresAtMs.low) && $util.isInteger(message.expiresAtMs.high)))
                    return "expiresAtMs: integer|Long expected";
            return null;
        };

        /**
         * Creates an AttestationRecord message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.AttestationRecord
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.AttestationRecord} AttestationRecord
         */
        AttestationRecord.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.AttestationRecord)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.AttestationRecord: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.AttestationRecord();
            if (object.peerId != null)
                if (object.peerId.length)
                    if (typeof object.peerId === "string")
                        $util.base64.decode(object.peerId, message.peerId = $util.newBuffer($util.base64.length(object.peerId)), 0);
                    else if (object.peerId.length >= 0)
                        message.peerId = object.peerId;
            if (object.roles) {
                if (!$Array.isArray(object.roles))
                    throw $TypeError(".escrin.AttestationRecord.roles: array expected");
                message.roles = [];
                for (let i = 0; i < object.roles.length; ++i)
                    switch (object.roles[i]) {
                    case "ROLE_UNSPECIFIED":
                    case 0:
                        message.roles[message.roles.length] = 0;
                        break;
                    case "ROLE_RUNNER":
                    case 1:
                        message.roles[message.roles.length] = 1;
                        break;
                    case "ROLE_SSSS":
                    case 2:
                        message.roles[message.roles.length] = 2;
                        break;
                    case "ROLE_STORAGE":
                    case 3:
                        message.roles[message.roles.length] = 3;
                        break;
                    default:
                        if (typeof object.roles[i] === "number" && (object.roles[i] | 0) === object.roles[i])
                            message.roles[message.roles.length] = object.roles[i];
                    }
            }
            if (object.evidence != null) {
                if (!$util.isObject(object.evidence))
                    throw $TypeError(".escrin.AttestationRecord.evidence: object expected");
                message.evidence = $root.escrin.Evidence.fromObject(object.evidence, _depth + 1);
            }
            if (object.enclaveX25519 != null)
                if (object.enclaveX25519.length)
                    if (typeof object.enclaveX25519 === "string")
                        $util.base64.decode(object.enclaveX25519, message.enclaveX25519 = $util.newBuffer($util.base64.length(object.enclaveX25519)), 0);
                    else if (object.enclaveX25519.length >= 0)
                        message.enclaveX25519 = object.enclaveX25519;
            if (object.enclaveSigningKey != null)
                if (object.enclaveSigningKey.length)
                    if (typeof object.enclaveSigningKey === "string")
                        $util.base64.decode(object.enclaveSigningKey, message.enclaveSigningKey = $util.newBuffer($util.base64.length(object.enclaveSigningKey)), 0);
                    else if (object.enclaveSigningKey.length >= 0)
                        message.enclaveSigningKey = object.enclaveSigningKey;
            if (object.operator != null)
                if (object.operator.length)
                    if (typeof object.operator === "string")
                        $util.base64.decode(object.operator, message.operator = $util.newBuffer($util.base64.length(object.operator)), 0);
                    else if (object.operator.length >= 0)
                        message.operator = object.operator;
            if (object.operatorSignature != null)
                if (object.operatorSignature.length)
                    if (typeof object.operatorSignature === "string")
                        $util.base64.decode(object.operatorSignature, message.operatorSignature = $util.newBuffer($util.base64.length(object.operatorSignature)), 0);
                    else if (object.operatorSignature.length >= 0)
                        message.operatorSignature = object.operatorSignature;
            if (object.capacity != null)
                if ($Number(object.capacity) !== 0)
                    message.capacity = object.capacity >>> 0;
            if (object.price != null)
                if (typeof object.price === "object" ? object.price.low || object.price.high : $Number(object.price) !== 0)
                    if ($util.Long)
                        message.price = $util.Long.fromValue(object.price, true);
                    else if (typeof object.price === "string")
                        message.price = $parseInt(object.price, 10);
                    else if (typeof object.price === "number")
                        message.price = object.price;
                    else if (typeof object.price === "object")
                        message.price = new $util.LongBits(object.price.low >>> 0, object.price.high >>> 0).toNumber(true);
            if (object.seq != null)
                if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                    if ($util.Long)
                        message.seq = $util.Long.fromValue(object.seq, true);
                    else if (typeof object.seq === "string")
                        message.seq = $parseInt(object.seq, 10);
                    else if (typeof object.seq === "number")
                        message.seq = object.seq;
                    else if (typeof object.seq === "object")
                        message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
            if (object.expiresAtMs != null)
                if (typeof object.expiresAtMs === "object" ? object.expiresAtMs.low || object.expiresAtMs.high : $Number(object.expiresAtMs) !== 0)
                    if ($util.Long)
                        message.expiresAtMs = $util.Long.fromValue(object.expiresAtMs, true);
                    else if (typeof object.expiresAtMs === "string")
                        message.expiresAtMs = $parseInt(object.expiresAtMs, 10);
                    else if (typeof object.expiresAtMs === "number")
                        message.expiresAtMs = object.expiresAtMs;
                    else if (typeof object.expiresAtMs === "object")
                        message.expiresAtMs = new $util.LongBits(object.expiresAtMs.low >>> 0, object.expiresAtMs.high >>> 0).toNumber(true);
            return message;
        };

        /**
         * Creates a plain object from an AttestationRecord message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.AttestationRecord
         * @static
         * @param {escrin.AttestationRecord} message AttestationRecord
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        AttestationRecord.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.roles = [];
            if (options.defaults) {
                if (options.bytes === $String)
                    object.peerId = "";
                else {
                    object.peerId = [];
                    if (options.bytes !== $Array)
                        object.peerId = $util.newBuffer(object.peerId);
                }
                object.evidence = null;
                if (options.bytes === $String)
                    object.enclaveX25519 = "";
                else {
                    object.enclaveX25519 = [];
                    if (options.bytes !== $Array)
                        object.enclaveX25519 = $util.newBuffer(object.enclaveX25519);
                }
                if (options.bytes === $String)
                    object.enclaveSigningKey = "";
                else {
                    object.enclaveSigningKey = [];
                    if (options.bytes !== $Array)
                        object.enclaveSigningKey = $util.newBuffer(object.enclaveSigningKey);
                }
                if (options.bytes === $String)
                    object.operator = "";
                else {
                    object.operator = [];
                    if (options.bytes !== $Array)
                        object.operator = $util.newBuffer(object.operator);
                }
                if (options.bytes === $String)
                    object.operatorSignature = "";
                else {
                    object.operatorSignature = [];
                    if (options.bytes !== $Array)
                        object.operatorSignature = $util.newBuffer(object.operatorSignature);
                }
                object.capacity = 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.price = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.price = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.expiresAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.expiresAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.peerId != null && $Object.hasOwnProperty.call(message, "peerId"))
                object.peerId = options.bytes === $String ? $util.base64.encode(message.peerId, 0, message.peerId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.peerId) : message.peerId;
            if (message.roles && message.roles.length) {
                object.roles = $Array(message.roles.length);
                for (let j = 0; j < message.roles.length; ++j)
                    object.roles[j] = options.enums === $String ? $root.escrin.Role[message.roles[j]] === $undefined ? message.roles[j] : $root.escrin.Role[message.roles[j]] : message.roles[j];
            }
            if (message.evidence != null && $Object.hasOwnProperty.call(message, "evidence"))
                object.evidence = $root.escrin.Evidence.toObject(message.evidence, options, _depth + 1);
            if (message.enclaveX25519 != null && $Object.hasOwnProperty.call(message, "enclaveX25519"))
                object.enclaveX25519 = options.bytes === $String ? $util.base64.encode(message.enclaveX25519, 0, message.enclaveX25519.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.enclaveX25519) : message.enclaveX25519;
            if (message.enclaveSigningKey != null && $Object.hasOwnProperty.call(message, "enclaveSigningKey"))
                object.enclaveSigningKey = options.bytes === $String ? $util.base64.encode(message.enclaveSigningKey, 0, message.enclaveSigningKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.enclaveSigningKey) : message.enclaveSigningKey;
            if (message.operator != null && $Object.hasOwnProperty.call(message, "operator"))
                object.operator = options.bytes === $String ? $util.base64.encode(message.operator, 0, message.operator.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.operator) : message.operator;
            if (message.operatorSignature != null && $Object.hasOwnProperty.call(message, "operatorSignature"))
                object.operatorSignature = options.bytes === $String ? $util.base64.encode(message.operatorSignature, 0, message.operatorSignature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.operatorSignature) : message.operatorSignature;
            if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                object.capacity = message.capacity;
            if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.price = typeof message.price === "number" ? $BigInt(message.price) : $util.Long.fromBits(message.price.low >>> 0, message.price.high >>> 0, true).toBigInt();
                else if (typeof message.price === "number")
                    object.price = options.longs === $String ? $String(message.price) : message.price;
                else
                    object.price = options.longs === $String ? $util.Long.prototype.toString.call(message.price) : options.longs === $Number ? new $util.LongBits(message.price.low >>> 0, message.price.high >>> 0).toNumber(true) : message.price;
            if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                else if (typeof message.seq === "number")
                    object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                else
                    object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
            if (message.expiresAtMs != null && $Object.hasOwnProperty.call(message, "expiresAtMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.expiresAtMs = typeof message.expiresAtMs === "number" ? $BigInt(message.expiresAtMs) : $util.Long.fromBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0, true).toBigInt();
                else if (typeof message.expiresAtMs === "number")
                    object.expiresAtMs = options.longs === $String ? $String(message.expiresAtMs) : message.expiresAtMs;
                else
                    object.expiresAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAtMs) : options.longs === $Number ? new $util.LongBits(message.expiresAtMs.low >>> 0, message.expiresAtMs.high >>> 0).toNumber(true) : message.expiresAtMs;
            return object;
        };

        /**
         * Converts this AttestationRecord to JSON.
         * @function toJSON
         * @memberof escrin.AttestationRecord
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        AttestationRecord.prototype.toJSON = function() {
            return AttestationRecord.toObject(this, $protobuf.util.toJSONOptions);
        };

        return AttestationRecord;
    })();

    escrin.Evidence = (function() {

        /**
         * Properties of an Evidence.
         * @typedef {Object} escrin.Evidence.$Properties
         * @property {string|null} [kind] Evidence kind
         * @property {Uint8Array|null} [data] Evidence data
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Evidence.
         * @memberof escrin
         * @interface IEvidence
         * @augments escrin.Evidence.$Properties
         * @deprecated Use escrin.Evidence.$Properties instead.
         */

        /**
         * Shape of an Evidence.
         * @typedef {escrin.Evidence.$Properties} escrin.Evidence.$Shape
         */

        /**
         * Constructs a new Evidence.
         * @memberof escrin
         * @classdesc Represents an Evidence.
         * @constructor
         * @param {escrin.Evidence.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Evidence = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * Evidence kind.
         * @member {string} kind
         * @memberof escrin.Evidence
         * @instance
         */
        Evidence.prototype.kind = "";

        /**
         * Evidence data.
         * @member {Uint8Array} data
         * @memberof escrin.Evidence
         * @instance
         */
        Evidence.prototype.data = $util.newBuffer([]);

        /**
         * Creates a new Evidence instance using the specified properties.
         * @function create
         * @memberof escrin.Evidence
         * @static
         * @param {escrin.Evidence.$Properties=} [properties] Properties to set
         * @returns {escrin.Evidence} Evidence instance
         * @type {{
         *   (properties: escrin.Evidence.$Shape): escrin.Evidence & escrin.Evidence.$Shape;
         *   (properties?: escrin.Evidence.$Properties): escrin.Evidence;
         * }}
         */
        Evidence.create = function(properties) {
            return new Evidence(properties);
        };

        /**
         * Encodes the specified Evidence message. Does not implicitly {@link escrin.Evidence.verify|verify} messages.
         * @function encode
         * @memberof escrin.Evidence
         * @static
         * @param {escrin.Evidence.$Properties} message Evidence message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Evidence.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.kind);
            if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes an Evidence message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.Evidence
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.Evidence & escrin.Evidence.$Shape} Evidence
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Evidence.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.Evidence();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.kind = value;
                        else
                            delete message.kind;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.data = value;
                        else
                            delete message.data;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies an Evidence message.
         * @function verify
         * @memberof escrin.Evidence
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Evidence.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                if (!$util.isString(message.kind))
                    return "kind: string expected";
            if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                    return "data: buffer expected";
            return null;
        };

        /**
         * Creates an Evidence message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.Evidence
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.Evidence} Evidence
         */
        Evidence.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.Evidence)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.Evidence: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.Evidence();
            if (object.kind != null)
                if (typeof object.kind !== "string" || object.kind.length)
                    message.kind = $String(object.kind);
            if (object.data != null)
                if (object.data.length)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
            return message;
        };

        /**
         * Creates a plain object from an Evidence message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.Evidence
         * @static
         * @param {escrin.Evidence} message Evidence
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Evidence.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.kind = "";
                if (options.bytes === $String)
                    object.data = "";
                else {
                    object.data = [];
                    if (options.bytes !== $Array)
                        object.data = $util.newBuffer(object.data);
                }
            }
            if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                object.kind = message.kind;
            if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
            return object;
        };

        /**
         * Converts this Evidence to JSON.
         * @function toJSON
         * @memberof escrin.Evidence
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Evidence.prototype.toJSON = function() {
            return Evidence.toObject(this, $protobuf.util.toJSONOptions);
        };

        return Evidence;
    })();

    escrin.SealedBox = (function() {

        /**
         * Properties of a SealedBox.
         * @typedef {Object} escrin.SealedBox.$Properties
         * @property {Uint8Array|null} [ephemeralPublic] SealedBox ephemeralPublic
         * @property {Uint8Array|null} [nonce] SealedBox nonce
         * @property {Uint8Array|null} [ciphertext] SealedBox ciphertext
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SealedBox.
         * @memberof escrin
         * @interface ISealedBox
         * @augments escrin.SealedBox.$Properties
         * @deprecated Use escrin.SealedBox.$Properties instead.
         */

        /**
         * Shape of a SealedBox.
         * @typedef {escrin.SealedBox.$Properties} escrin.SealedBox.$Shape
         */

        /**
         * Constructs a new SealedBox.
         * @memberof escrin
         * @classdesc Represents a SealedBox.
         * @constructor
         * @param {escrin.SealedBox.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SealedBox = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SealedBox ephemeralPublic.
         * @member {Uint8Array} ephemeralPublic
         * @memberof escrin.SealedBox
         * @instance
         */
        SealedBox.prototype.ephemeralPublic = $util.newBuffer([]);

        /**
         * SealedBox nonce.
         * @member {Uint8Array} nonce
         * @memberof escrin.SealedBox
         * @instance
         */
        SealedBox.prototype.nonce = $util.newBuffer([]);

        /**
         * SealedBox ciphertext.
         * @member {Uint8Array} ciphertext
         * @memberof escrin.SealedBox
         * @instance
         */
        SealedBox.prototype.ciphertext = $util.newBuffer([]);

        /**
         * Creates a new SealedBox instance using the specified properties.
         * @function create
         * @memberof escrin.SealedBox
         * @static
         * @param {escrin.SealedBox.$Properties=} [properties] Properties to set
         * @returns {escrin.SealedBox} SealedBox instance
         * @type {{
         *   (properties: escrin.SealedBox.$Shape): escrin.SealedBox & escrin.SealedBox.$Shape;
         *   (properties?: escrin.SealedBox.$Properties): escrin.SealedBox;
         * }}
         */
        SealedBox.create = function(properties) {
            return new SealedBox(properties);
        };

        /**
         * Encodes the specified SealedBox message. Does not implicitly {@link escrin.SealedBox.verify|verify} messages.
         * @function encode
         * @memberof escrin.SealedBox
         * @static
         * @param {escrin.SealedBox.$Properties} message SealedBox message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SealedBox.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ephemeralPublic != null && $Object.hasOwnProperty.call(message, "ephemeralPublic") && message.ephemeralPublic.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.ephemeralPublic);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.nonce);
            if (message.ciphertext != null && $Object.hasOwnProperty.call(message, "ciphertext") && message.ciphertext.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.ciphertext);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SealedBox message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SealedBox
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SealedBox & escrin.SealedBox.$Shape} SealedBox
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SealedBox.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SealedBox();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ephemeralPublic = value;
                        else
                            delete message.ephemeralPublic;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.ciphertext = value;
                        else
                            delete message.ciphertext;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SealedBox message.
         * @function verify
         * @memberof escrin.SealedBox
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SealedBox.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.ephemeralPublic != null && $Object.hasOwnProperty.call(message, "ephemeralPublic"))
                if (!(message.ephemeralPublic && typeof message.ephemeralPublic.length === "number" || $util.isString(message.ephemeralPublic)))
                    return "ephemeralPublic: buffer expected";
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                if (!(message.nonce && typeof message.nonce.length === "number" || $util.isString(message.nonce)))
                    return "nonce: buffer expected";
            if (message.ciphertext != null && $Object.hasOwnProperty.call(message, "ciphertext"))
                if (!(message.ciphertext && typeof message.ciphertext.length === "number" || $util.isString(message.ciphertext)))
                    return "ciphertext: buffer expected";
            return null;
        };

        /**
         * Creates a SealedBox message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SealedBox
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SealedBox} SealedBox
         */
        SealedBox.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SealedBox)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SealedBox: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SealedBox();
            if (object.ephemeralPublic != null)
                if (object.ephemeralPublic.length)
                    if (typeof object.ephemeralPublic === "string")
                        $util.base64.decode(object.ephemeralPublic, message.ephemeralPublic = $util.newBuffer($util.base64.length(object.ephemeralPublic)), 0);
                    else if (object.ephemeralPublic.length >= 0)
                        message.ephemeralPublic = object.ephemeralPublic;
            if (object.nonce != null)
                if (object.nonce.length)
                    if (typeof object.nonce === "string")
                        $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                    else if (object.nonce.length >= 0)
                        message.nonce = object.nonce;
            if (object.ciphertext != null)
                if (object.ciphertext.length)
                    if (typeof object.ciphertext === "string")
                        $util.base64.decode(object.ciphertext, message.ciphertext = $util.newBuffer($util.base64.length(object.ciphertext)), 0);
                    else if (object.ciphertext.length >= 0)
                        message.ciphertext = object.ciphertext;
            return message;
        };

        /**
         * Creates a plain object from a SealedBox message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SealedBox
         * @static
         * @param {escrin.SealedBox} message SealedBox
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SealedBox.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.ephemeralPublic = "";
                else {
                    object.ephemeralPublic = [];
                    if (options.bytes !== $Array)
                        object.ephemeralPublic = $util.newBuffer(object.ephemeralPublic);
                }
                if (options.bytes === $String)
                    object.nonce = "";
                else {
                    object.nonce = [];
                    if (options.bytes !== $Array)
                        object.nonce = $util.newBuffer(object.nonce);
                }
                if (options.bytes === $String)
                    object.ciphertext = "";
                else {
                    object.ciphertext = [];
                    if (options.bytes !== $Array)
                        object.ciphertext = $util.newBuffer(object.ciphertext);
                }
            }
            if (message.ephemeralPublic != null && $Object.hasOwnProperty.call(message, "ephemeralPublic"))
                object.ephemeralPublic = options.bytes === $String ? $util.base64.encode(message.ephemeralPublic, 0, message.ephemeralPublic.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.ephemeralPublic) : message.ephemeralPublic;
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
            if (message.ciphertext != null && $Object.hasOwnProperty.call(message, "ciphertext"))
                object.ciphertext = options.bytes === $String ? $util.base64.encode(message.ciphertext, 0, message.ciphertext.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.ciphertext) : message.ciphertext;
            return object;
        };

        /**
         * Converts this SealedBox to JSON.
         * @function toJSON
         * @memberof escrin.SealedBox
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SealedBox.prototype.toJSON = function() {
            return SealedBox.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SealedBox;
    })();

    escrin.JobRequest = (function() {

        /**
         * Properties of a JobRequest.
         * @typedef {Object} escrin.JobRequest.$Properties
         * @property {Uint8Array|null} [jobId] JobRequest jobId
         * @property {string|null} [policyId] JobRequest policyId
         * @property {Uint8Array|null} [workerCid] JobRequest workerCid
         * @property {Uint8Array|null} [inlineCode] JobRequest inlineCode
         * @property {escrin.SealedBox.$Properties|null} [input] JobRequest input
         * @property {number|null} [timeoutMs] JobRequest timeoutMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JobRequest.
         * @memberof escrin
         * @interface IJobRequest
         * @augments escrin.JobRequest.$Properties
         * @deprecated Use escrin.JobRequest.$Properties instead.
         */

        /**
         * Shape of a JobRequest.
         * @typedef {escrin.JobRequest.$Properties} escrin.JobRequest.$Shape
         */

        /**
         * Constructs a new JobRequest.
         * @memberof escrin
         * @classdesc Represents a JobRequest.
         * @constructor
         * @param {escrin.JobRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JobRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JobRequest jobId.
         * @member {Uint8Array} jobId
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.jobId = $util.newBuffer([]);

        /**
         * JobRequest policyId.
         * @member {string} policyId
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.policyId = "";

        /**
         * JobRequest workerCid.
         * @member {Uint8Array} workerCid
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.workerCid = $util.newBuffer([]);

        /**
         * JobRequest inlineCode.
         * @member {Uint8Array} inlineCode
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.inlineCode = $util.newBuffer([]);

        /**
         * JobRequest input.
         * @member {escrin.SealedBox.$Properties|null|undefined} input
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.input = null;

        /**
         * JobRequest timeoutMs.
         * @member {number} timeoutMs
         * @memberof escrin.JobRequest
         * @instance
         */
        JobRequest.prototype.timeoutMs = 0;

        /**
         * Creates a new JobRequest instance using the specified properties.
         * @function create
         * @memberof escrin.JobRequest
         * @static
         * @param {escrin.JobRequest.$Properties=} [properties] Properties to set
         * @returns {escrin.JobRequest} JobRequest instance
         * @type {{
         *   (properties: escrin.JobRequest.$Shape): escrin.JobRequest & escrin.JobRequest.$Shape;
         *   (properties?: escrin.JobRequest.$Properties): escrin.JobRequest;
         * }}
         */
        JobRequest.create = function(properties) {
            return new JobRequest(properties);
        };

        /**
         * Encodes the specified JobRequest message. Does not implicitly {@link escrin.JobRequest.verify|verify} messages.
         * @function encode
         * @memberof escrin.JobRequest
         * @static
         * @param {escrin.JobRequest.$Properties} message JobRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JobRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.jobId);
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId") && message.policyId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.policyId);
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid") && message.workerCid.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.workerCid);
            if (message.inlineCode != null && $Object.hasOwnProperty.call(message, "inlineCode") && message.inlineCode.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.inlineCode);
            if (message.input != null && $Object.hasOwnProperty.call(message, "input"))
                $root.escrin.SealedBox.encode(message.input, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs") && message.timeoutMs !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.timeoutMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a JobRequest message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.JobRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.JobRequest & escrin.JobRequest.$Shape} JobRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JobRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.JobRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.jobId = value;
                        else
                            delete message.jobId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.policyId = value;
                        else
                            delete message.policyId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.workerCid = value;
                        else
                            delete message.workerCid;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.inlineCode = value;
                        else
                            delete message.inlineCode;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.input = $root.escrin.SealedBox.decode(reader, reader.size(), $undefined, _depth + 1, message.input);
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.timeoutMs = value;
                        else
                            delete message.timeoutMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a JobRequest message.
         * @function verify
         * @memberof escrin.JobRequest
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JobRequest.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                if (!(message.jobId && typeof message.jobId.length === "number" || $util.isString(message.jobId)))
                    return "jobId: buffer expected";
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                if (!$util.isString(message.policyId))
                    return "policyId: string expected";
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid"))
                if (!(message.workerCid && typeof message.workerCid.length === "number" || $util.isString(message.workerCid)))
                    return "workerCid: buffer expected";
            if (message.inlineCode != null && $Object.hasOwnProperty.call(message, "inlineCode"))
                if (!(message.inlineCode && typeof message.inlineCode.length === "number" || $util.isString(message.inlineCode)))
                    return "inlineCode: buffer expected";
            if (message.input != null && $Object.hasOwnProperty.call(message, "input")) {
                let error = $root.escrin.SealedBox.verify(message.input, _depth + 1);
                if (error)
                    return "input." + error;
            }
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs"))
                if (!$util.isInteger(message.timeoutMs))
                    return "timeoutMs: integer expected";
            return null;
        };

        /**
         * Creates a JobRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.JobRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.JobRequest} JobRequest
         */
        JobRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.JobRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.JobRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.JobRequest();
            if (object.jobId != null)
                if (object.jobId.length)
                    if (typeof object.jobId === "string")
                        $util.base64.decode(object.jobId, message.jobId = $util.newBuffer($util.base64.length(object.jobId)), 0);
                    else if (object.jobId.length >= 0)
                        message.jobId = object.jobId;
            if (object.policyId != null)
                if (typeof object.policyId !== "string" || object.policyId.length)
                    message.policyId = $String(object.policyId);
            if (object.workerCid != null)
                if (object.workerCid.length)
                    if (typeof object.workerCid === "string")
                        $util.base64.decode(object.workerCid, message.workerCid = $util.newBuffer($util.base64.length(object.workerCid)), 0);
                    else if (object.workerCid.length >= 0)
                        message.workerCid = object.workerCid;
            if (object.inlineCode != null)
                if (object.inlineCode.length)
                    if (typeof object.inlineCode === "string")
                        $util.base64.decode(object.inlineCode, message.inlineCode = $util.newBuffer($util.base64.length(object.inlineCode)), 0);
                    else if (object.inlineCode.length >= 0)
                        message.inlineCode = object.inlineCode;
            if (object.input != null) {
                if (!$util.isObject(object.input))
                    throw $TypeError(".escrin.JobRequest.input: object expected");
                message.input = $root.escrin.SealedBox.fromObject(object.input, _depth + 1);
            }
            if (object.timeoutMs != null)
                if ($Number(object.timeoutMs) !== 0)
                    message.timeoutMs = object.timeoutMs >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a JobRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.JobRequest
         * @static
         * @param {escrin.JobRequest} message JobRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JobRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.jobId = "";
                else {
                    object.jobId = [];
                    if (options.bytes !== $Array)
                        object.jobId = $util.newBuffer(object.jobId);
                }
                object.policyId = "";
                if (options.bytes === $String)
                    object.workerCid = "";
                else {
                    object.workerCid = [];
                    if (options.bytes !== $Array)
                        object.workerCid = $util.newBuffer(object.workerCid);
                }
                if (options.bytes === $String)
                    object.inlineCode = "";
                else {
                    object.inlineCode = [];
                    if (options.bytes !== $Array)
                        object.inlineCode = $util.newBuffer(object.inlineCode);
                }
                object.input = null;
                object.timeoutMs = 0;
            }
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                object.jobId = options.bytes === $String ? $util.base64.encode(message.jobId, 0, message.jobId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.jobId) : message.jobId;
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                object.policyId = message.policyId;
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid"))
                object.workerCid = options.bytes === $String ? $util.base64.encode(message.workerCid, 0, message.workerCid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerCid) : message.workerCid;
            if (message.inlineCode != null && $Object.hasOwnProperty.call(message, "inlineCode"))
                object.inlineCode = options.bytes === $String ? $util.base64.encode(message.inlineCode, 0, message.inlineCode.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.inlineCode) : message.inlineCode;
            if (message.input != null && $Object.hasOwnProperty.call(message, "input"))
                object.input = $root.escrin.SealedBox.toObject(message.input, options, _depth + 1);
            if (message.timeoutMs != null && $Object.hasOwnProperty.call(message, "timeoutMs"))
                object.timeoutMs = message.timeoutMs;
            return object;
        };

        /**
         * Converts this JobRequest to JSON.
         * @function toJSON
         * @memberof escrin.JobRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JobRequest.prototype.toJSON = function() {
            return JobRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        return JobRequest;
    })();

    escrin.JobResponse = (function() {

        /**
         * Properties of a JobResponse.
         * @typedef {Object} escrin.JobResponse.$Properties
         * @property {escrin.JobResult.$Properties|null} [ok] JobResponse ok
         * @property {escrin.JobFailure.$Properties|null} [failure] JobResponse failure
         * @property {"ok"|"failure"} [result] JobResponse result
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JobResponse.
         * @memberof escrin
         * @interface IJobResponse
         * @augments escrin.JobResponse.$Properties
         * @deprecated Use escrin.JobResponse.$Properties instead.
         */

        /**
         * Narrowed shape of a JobResponse.
         * @typedef {{
         *   ok?: escrin.JobResult.$Shape|null;
         *   failure?: escrin.JobFailure.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ result?: undefined; ok?: null; failure?: null }|{ result?: "ok"; ok: escrin.JobResult.$Shape; failure?: null }|{ result?: "failure"; ok?: null; failure: escrin.JobFailure.$Shape })
         * )} escrin.JobResponse.$Shape
         */

        /**
         * Constructs a new JobResponse.
         * @memberof escrin
         * @classdesc Represents a JobResponse.
         * @constructor
         * @param {escrin.JobResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JobResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JobResponse ok.
         * @member {escrin.JobResult.$Properties|null|undefined} ok
         * @memberof escrin.JobResponse
         * @instance
         */
        JobResponse.prototype.ok = null;

        /**
         * JobResponse failure.
         * @member {escrin.JobFailure.$Properties|null|undefined} failure
         * @memberof escrin.JobResponse
         * @instance
         */
        JobResponse.prototype.failure = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * JobResponse result.
         * @member {"ok"|"failure"|undefined} result
         * @memberof escrin.JobResponse
         * @instance
         */
        $Object.defineProperty(JobResponse.prototype, "result", {
            get: $util.oneOfGetter($oneOfFields = ["ok", "failure"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new JobResponse instance using the specified properties.
         * @function create
         * @memberof escrin.JobResponse
         * @static
         * @param {escrin.JobResponse.$Properties=} [properties] Properties to set
         * @returns {escrin.JobResponse} JobResponse instance
         * @type {{
         *   (properties: escrin.JobResponse.$Shape): escrin.JobResponse & escrin.JobResponse.$Shape;
         *   (properties?: escrin.JobResponse.$Properties): escrin.JobResponse;
         * }}
         */
        JobResponse.create = function(properties) {
            return new JobResponse(properties);
        };

        /**
         * Encodes the specified JobResponse message. Does not implicitly {@link escrin.JobResponse.verify|verify} messages.
         * @function encode
         * @memberof escrin.JobResponse
         * @static
         * @param {escrin.JobResponse.$Properties} message JobResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JobResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                $root.escrin.JobResult.encode(message.ok, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                $root.escrin.JobFailure.encode(message.failure, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a JobResponse message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.JobResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.JobResponse & escrin.JobResponse.$Shape} JobResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JobResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.JobResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.ok = $root.escrin.JobResult.decode(reader, reader.size(), $undefined, _depth + 1, message.ok);
                        message.result = "ok";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.failure = $root.escrin.JobFailure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                        message.result = "failure";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a JobResponse message.
         * @function verify
         * @memberof escrin.JobResponse
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JobResponse.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                properties.result = 1;
                {
                    let error = $root.escrin.JobResult.verify(message.ok, _depth + 1);
                    if (error)
                        return "ok." + error;
                }
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.JobFailure.verify(message.failure, _depth + 1);
                    if (error)
                        return "failure." + error;
                }
            }
            return null;
        };

        /**
         * Creates a JobResponse message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.JobResponse
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.JobResponse} JobResponse
         */
        JobResponse.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.JobResponse)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.JobResponse: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.JobResponse();
            if (object.ok != null) {
                if (!$util.isObject(object.ok))
                    throw $TypeError(".escrin.JobResponse.ok: object expected");
                message.ok = $root.escrin.JobResult.fromObject(object.ok, _depth + 1);
            }
            if (object.failure != null) {
                if (!$util.isObject(object.failure))
                    throw $TypeError(".escrin.JobResponse.failure: object expected");
                message.failure = $root.escrin.JobFailure.fromObject(object.failure, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a JobResponse message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.JobResponse
         * @static
         * @param {escrin.JobResponse} message JobResponse
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JobResponse.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                object.ok = $root.escrin.JobResult.toObject(message.ok, options, _depth + 1);
                if (options.oneofs)
                    object.result = "ok";
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                object.failure = $root.escrin.JobFailure.toObject(message.failure, options, _depth + 1);
                if (options.oneofs)
                    object.result = "failure";
            }
            return object;
        };

        /**
         * Converts this JobResponse to JSON.
         * @function toJSON
         * @memberof escrin.JobResponse
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JobResponse.prototype.toJSON = function() {
            return JobResponse.toObject(this, $protobuf.util.toJSONOptions);
        };

        return JobResponse;
    })();

    escrin.JobResult = (function() {

        /**
         * Properties of a JobResult.
         * @typedef {Object} escrin.JobResult.$Properties
         * @property {escrin.SealedBox.$Properties|null} [output] JobResult output
         * @property {escrin.JobReceipt.$Properties|null} [receipt] JobResult receipt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JobResult.
         * @memberof escrin
         * @interface IJobResult
         * @augments escrin.JobResult.$Properties
         * @deprecated Use escrin.JobResult.$Properties instead.
         */

        /**
         * Shape of a JobResult.
         * @typedef {escrin.JobResult.$Properties} escrin.JobResult.$Shape
         */

        /**
         * Constructs a new JobResult.
         * @memberof escrin
         * @classdesc Represents a JobResult.
         * @constructor
         * @param {escrin.JobResult.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JobResult = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JobResult output.
         * @member {escrin.SealedBox.$Properties|null|undefined} output
         * @memberof escrin.JobResult
         * @instance
         */
        JobResult.prototype.output = null;

        /**
         * JobResult receipt.
         * @member {escrin.JobReceipt.$Properties|null|undefined} receipt
         * @memberof escrin.JobResult
         * @instance
         */
        JobResult.prototype.receipt = null;

        /**
         * Creates a new JobResult instance using the specified properties.
         * @function create
         * @memberof escrin.JobResult
         * @static
         * @param {escrin.JobResult.$Properties=} [properties] Properties to set
         * @returns {escrin.JobResult} JobResult instance
         * @type {{
         *   (properties: escrin.JobResult.$Shape): escrin.JobResult & escrin.JobResult.$Shape;
         *   (properties?: escrin.JobResult.$Properties): escrin.JobResult;
         * }}
         */
        JobResult.create = function(properties) {
            return new JobResult(properties);
        };

        /**
         * Encodes the specified JobResult message. Does not implicitly {@link escrin.JobResult.verify|verify} messages.
         * @function encode
         * @memberof escrin.JobResult
         * @static
         * @param {escrin.JobResult.$Properties} message JobResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JobResult.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.output != null && $Object.hasOwnProperty.call(message, "output"))
                $root.escrin.SealedBox.encode(message.output, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                $root.escrin.JobReceipt.encode(message.receipt, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a JobResult message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.JobResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.JobResult & escrin.JobResult.$Shape} JobResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JobResult.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.JobResult();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.output = $root.escrin.SealedBox.decode(reader, reader.size(), $undefined, _depth + 1, message.output);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.receipt = $root.escrin.JobReceipt.decode(reader, reader.size(), $undefined, _depth + 1, message.receipt);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a JobResult message.
         * @function verify
         * @memberof escrin.JobResult
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JobResult.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                let error = $root.escrin.SealedBox.verify(message.output, _depth + 1);
                if (error)
                    return "output." + error;
            }
            if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt")) {
                let error = $root.escrin.JobReceipt.verify(message.receipt, _depth + 1);
                if (error)
                    return "receipt." + error;
            }
            return null;
        };

        /**
         * Creates a JobResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.JobResult
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.JobResult} JobResult
         */
        JobResult.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.JobResult)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.JobResult: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.JobResult();
            if (object.output != null) {
                if (!$util.isObject(object.output))
                    throw $TypeError(".escrin.JobResult.output: object expected");
                message.output = $root.escrin.SealedBox.fromObject(object.output, _depth + 1);
            }
            if (object.receipt != null) {
                if (!$util.isObject(object.receipt))
                    throw $TypeError(".escrin.JobResult.receipt: object expected");
                message.receipt = $root.escrin.JobReceipt.fromObject(object.receipt, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a JobResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.JobResult
         * @static
         * @param {escrin.JobResult} message JobResult
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JobResult.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.output = null;
                object.receipt = null;
            }
            if (message.output != null && $Object.hasOwnProperty.call(message, "output"))
                object.output = $root.escrin.SealedBox.toObject(message.output, options, _depth + 1);
            if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                object.receipt = $root.escrin.JobReceipt.toObject(message.receipt, options, _depth + 1);
            return object;
        };

        /**
         * Converts this JobResult to JSON.
         * @function toJSON
         * @memberof escrin.JobResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JobResult.prototype.toJSON = function() {
            return JobResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        return JobResult;
    })();

    escrin.JobReceipt = (function() {

        /**
         * Properties of a JobReceipt.
         * @typedef {Object} escrin.JobReceipt.$Properties
         * @property {Uint8Array|null} [jobId] JobReceipt jobId
         * @property {string|null} [policyId] JobReceipt policyId
         * @property {Uint8Array|null} [workerCid] JobReceipt workerCid
         * @property {Uint8Array|null} [inputHash] JobReceipt inputHash
         * @property {Uint8Array|null} [outputHash] JobReceipt outputHash
         * @property {number|null} [status] JobReceipt status
         * @property {Uint8Array|null} [signature] JobReceipt signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JobReceipt.
         * @memberof escrin
         * @interface IJobReceipt
         * @augments escrin.JobReceipt.$Properties
         * @deprecated Use escrin.JobReceipt.$Properties instead.
         */

        /**
         * Shape of a JobReceipt.
         * @typedef {escrin.JobReceipt.$Properties} escrin.JobReceipt.$Shape
         */

        /**
         * Constructs a new JobReceipt.
         * @memberof escrin
         * @classdesc Represents a JobReceipt.
         * @constructor
         * @param {escrin.JobReceipt.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JobReceipt = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JobReceipt jobId.
         * @member {Uint8Array} jobId
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.jobId = $util.newBuffer([]);

        /**
         * JobReceipt policyId.
         * @member {string} policyId
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.policyId = "";

        /**
         * JobReceipt workerCid.
         * @member {Uint8Array} workerCid
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.workerCid = $util.newBuffer([]);

        /**
         * JobReceipt inputHash.
         * @member {Uint8Array} inputHash
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.inputHash = $util.newBuffer([]);

        /**
         * JobReceipt outputHash.
         * @member {Uint8Array} outputHash
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.outputHash = $util.newBuffer([]);

        /**
         * JobReceipt status.
         * @member {number} status
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.status = 0;

        /**
         * JobReceipt signature.
         * @member {Uint8Array} signature
         * @memberof escrin.JobReceipt
         * @instance
         */
        JobReceipt.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new JobReceipt instance using the specified properties.
         * @function create
         * @memberof escrin.JobReceipt
         * @static
         * @param {escrin.JobReceipt.$Properties=} [properties] Properties to set
         * @returns {escrin.JobReceipt} JobReceipt instance
         * @type {{
         *   (properties: escrin.JobReceipt.$Shape): escrin.JobReceipt & escrin.JobReceipt.$Shape;
         *   (properties?: escrin.JobReceipt.$Properties): escrin.JobReceipt;
         * }}
         */
        JobReceipt.create = function(properties) {
            return new JobReceipt(properties);
        };

        /**
         * Encodes the specified JobReceipt message. Does not implicitly {@link escrin.JobReceipt.verify|verify} messages.
         * @function encode
         * @memberof escrin.JobReceipt
         * @static
         * @param {escrin.JobReceipt.$Properties} message JobReceipt message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JobReceipt.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.jobId);
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId") && message.policyId !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.policyId);
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid") && message.workerCid.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.workerCid);
            if (message.inputHash != null && $Object.hasOwnProperty.call(message, "inputHash") && message.inputHash.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.inputHash);
            if (message.outputHash != null && $Object.hasOwnProperty.call(message, "outputHash") && message.outputHash.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.outputHash);
            if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.status);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a JobReceipt message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.JobReceipt
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.JobReceipt & escrin.JobReceipt.$Shape} JobReceipt
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JobReceipt.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.JobReceipt();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.jobId = value;
                        else
                            delete message.jobId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.policyId = value;
                        else
                            delete message.policyId;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.workerCid = value;
                        else
                            delete message.workerCid;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.inputHash = value;
                        else
                            delete message.inputHash;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.outputHash = value;
                        else
                            delete message.outputHash;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.status = value;
                        else
                            delete message.status;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a JobReceipt message.
         * @function verify
         * @memberof escrin.JobReceipt
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JobReceipt.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                if (!(message.jobId && typeof message.jobId.length === "number" || $util.isString(message.jobId)))
                    return "jobId: buffer expected";
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                if (!$util.isString(message.policyId))
                    return "policyId: string expected";
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid"))
                if (!(message.workerCid && typeof message.workerCid.length === "number" || $util.isString(message.workerCid)))
                    return "workerCid: buffer expected";
            if (message.inputHash != null && $Object.hasOwnProperty.call(message, "inputHash"))
                if (!(message.inputHash && typeof message.inputHash.length === "number" || $util.isString(message.inputHash)))
                    return "inputHash: buffer expected";
            if (message.outputHash != null && $Object.hasOwnProperty.call(message, "outputHash"))
                if (!(message.outputHash && typeof message.outputHash.length === "number" || $util.isString(message.outputHash)))
                    return "outputHash: buffer expected";
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                if (!$util.isInteger(message.status))
                    return "status: integer expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a JobReceipt message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.JobReceipt
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.JobReceipt} JobReceipt
         */
        JobReceipt.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.JobReceipt)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.JobReceipt: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.JobReceipt();
            if (object.jobId != null)
                if (object.jobId.length)
                    if (typeof object.jobId === "string")
                        $util.base64.decode(object.jobId, message.jobId = $util.newBuffer($util.base64.length(object.jobId)), 0);
                    else if (object.jobId.length >= 0)
                        message.jobId = object.jobId;
            if (object.policyId != null)
                if (typeof object.policyId !== "string" || object.policyId.length)
                    message.policyId = $String(object.policyId);
            if (object.workerCid != null)
                if (object.workerCid.length)
                    if (typeof object.workerCid === "string")
                        $util.base64.decode(object.workerCid, message.workerCid = $util.newBuffer($util.base64.length(object.workerCid)), 0);
                    else if (object.workerCid.length >= 0)
                        message.workerCid = object.workerCid;
            if (object.inputHash != null)
                if (object.inputHash.length)
                    if (typeof object.inputHash === "string")
                        $util.base64.decode(object.inputHash, message.inputHash = $util.newBuffer($util.base64.length(object.inputHash)), 0);
                    else if (object.inputHash.length >= 0)
                        message.inputHash = object.inputHash;
            if (object.outputHash != null)
                if (object.outputHash.length)
                    if (typeof object.outputHash === "string")
                        $util.base64.decode(object.outputHash, message.outputHash = $util.newBuffer($util.base64.length(object.outputHash)), 0);
                    else if (object.outputHash.length >= 0)
                        message.outputHash = object.outputHash;
            if (object.status != null)
                if ($Number(object.status) !== 0)
                    message.status = object.status >>> 0;
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a JobReceipt message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.JobReceipt
         * @static
         * @param {escrin.JobReceipt} message JobReceipt
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JobReceipt.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.jobId = "";
                else {
                    object.jobId = [];
                    if (options.bytes !== $Array)
                        object.jobId = $util.newBuffer(object.jobId);
                }
                object.policyId = "";
                if (options.bytes === $String)
                    object.workerCid = "";
                else {
                    object.workerCid = [];
                    if (options.bytes !== $Array)
                        object.workerCid = $util.newBuffer(object.workerCid);
                }
                if (options.bytes === $String)
                    object.inputHash = "";
                else {
                    object.inputHash = [];
                    if (options.bytes !== $Array)
                        object.inputHash = $util.newBuffer(object.inputHash);
                }
                if (options.bytes === $String)
                    object.outputHash = "";
                else {
                    object.outputHash = [];
                    if (options.bytes !== $Array)
                        object.outputHash = $util.newBuffer(object.outputHash);
                }
                object.status = 0;
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                object.jobId = options.bytes === $String ? $util.base64.encode(message.jobId, 0, message.jobId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.jobId) : message.jobId;
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                object.policyId = message.policyId;
            if (message.workerCid != null && $Object.hasOwnProperty.call(message, "workerCid"))
                object.workerCid = options.bytes === $String ? $util.base64.encode(message.workerCid, 0, message.workerCid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.workerCid) : message.workerCid;
            if (message.inputHash != null && $Object.hasOwnProperty.call(message, "inputHash"))
                object.inputHash = options.bytes === $String ? $util.base64.encode(message.inputHash, 0, message.inputHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.inputHash) : message.inputHash;
            if (message.outputHash != null && $Object.hasOwnProperty.call(message, "outputHash"))
                object.outputHash = options.bytes === $String ? $util.base64.encode(message.outputHash, 0, message.outputHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.outputHash) : message.outputHash;
            if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                object.status = message.status;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this JobReceipt to JSON.
         * @function toJSON
         * @memberof escrin.JobReceipt
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JobReceipt.prototype.toJSON = function() {
            return JobReceipt.toObject(this, $protobuf.util.toJSONOptions);
        };

        return JobReceipt;
    })();

    escrin.JobFailure = (function() {

        /**
         * Properties of a JobFailure.
         * @typedef {Object} escrin.JobFailure.$Properties
         * @property {escrin.JobErrorCode|null} [code] JobFailure code
         * @property {string|null} [message] JobFailure message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a JobFailure.
         * @memberof escrin
         * @interface IJobFailure
         * @augments escrin.JobFailure.$Properties
         * @deprecated Use escrin.JobFailure.$Properties instead.
         */

        /**
         * Shape of a JobFailure.
         * @typedef {escrin.JobFailure.$Properties} escrin.JobFailure.$Shape
         */

        /**
         * Constructs a new JobFailure.
         * @memberof escrin
         * @classdesc Represents a JobFailure.
         * @constructor
         * @param {escrin.JobFailure.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const JobFailure = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * JobFailure code.
         * @member {escrin.JobErrorCode} code
         * @memberof escrin.JobFailure
         * @instance
         */
        JobFailure.prototype.code = 0;

        /**
         * JobFailure message.
         * @member {string} message
         * @memberof escrin.JobFailure
         * @instance
         */
        JobFailure.prototype.message = "";

        /**
         * Creates a new JobFailure instance using the specified properties.
         * @function create
         * @memberof escrin.JobFailure
         * @static
         * @param {escrin.JobFailure.$Properties=} [properties] Properties to set
         * @returns {escrin.JobFailure} JobFailure instance
         * @type {{
         *   (properties: escrin.JobFailure.$Shape): escrin.JobFailure & escrin.JobFailure.$Shape;
         *   (properties?: escrin.JobFailure.$Properties): escrin.JobFailure;
         * }}
         */
        JobFailure.create = function(properties) {
            return new JobFailure(properties);
        };

        /**
         * Encodes the specified JobFailure message. Does not implicitly {@link escrin.JobFailure.verify|verify} messages.
         * @function encode
         * @memberof escrin.JobFailure
         * @static
         * @param {escrin.JobFailure.$Properties} message JobFailure message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        JobFailure.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a JobFailure message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.JobFailure
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.JobFailure & escrin.JobFailure.$Shape} JobFailure
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        JobFailure.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.JobFailure();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a JobFailure message.
         * @function verify
         * @memberof escrin.JobFailure
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        JobFailure.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                if (typeof message.code !== "number" || (message.code | 0) !== message.code)
                    return "code: enum value expected";
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                if (!$util.isString(message.message))
                    return "message: string expected";
            return null;
        };

        /**
         * Creates a JobFailure message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.JobFailure
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.JobFailure} JobFailure
         */
        JobFailure.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.JobFailure)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.JobFailure: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.JobFailure();
            if (object.code !== 0 && (typeof object.code !== "string" || $root.escrin.JobErrorCode[object.code] !== 0))
                switch (object.code) {
                case "JOB_ERROR_UNSPECIFIED":
                case 0:
                    message.code = 0;
                    break;
                case "OUT_OF_SCOPE":
                case 1:
                    message.code = 1;
                    break;
                case "DUPLICATE_JOB":
                case 2:
                    message.code = 2;
                    break;
                case "INPUT_TOO_LARGE":
                case 3:
                    message.code = 3;
                    break;
                case "CODE_TOO_LARGE":
                case 4:
                    message.code = 4;
                    break;
                case "CODE_MISMATCH":
                case 5:
                    message.code = 5;
                    break;
                case "WORKER_NOT_FOUND":
                case 6:
                    message.code = 6;
                    break;
                case "DECRYPT_FAILED":
                case 7:
                    message.code = 7;
                    break;
                case "MALFORMED_REQUEST":
                case 8:
                    message.code = 8;
                    break;
                case "WORKER_TIMEOUT":
                case 9:
                    message.code = 9;
                    break;
                case "WORKER_CPU_EXCEEDED":
                case 10:
                    message.code = 10;
                    break;
                case "WORKER_MEMORY_EXCEEDED":
                case 11:
                    message.code = 11;
                    break;
                case "WORKER_THREW":
                case 12:
                    message.code = 12;
                    break;
                case "OUTPUT_TOO_LARGE":
                case 13:
                    message.code = 13;
                    break;
                case "RUNNER_BUSY":
                case 14:
                    message.code = 14;
                    break;
                case "RUNNER_SHUTTING_DOWN":
                case 15:
                    message.code = 15;
                    break;
                case "INTERNAL":
                case 16:
                    message.code = 16;
                    break;
                case "CLOCK_SKEW":
                case 17:
                    message.code = 17;
                    break;
                default:
                    if (typeof object.code === "number" && (object.code | 0) === object.code)
                        message.code = object.code;
                }
            if (object.message != null)
                if (typeof object.message !== "string" || object.message.length)
                    message.message = $String(object.message);
            return message;
        };

        /**
         * Creates a plain object from a JobFailure message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.JobFailure
         * @static
         * @param {escrin.JobFailure} message JobFailure
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        JobFailure.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.code = options.enums === $String ? "JOB_ERROR_UNSPECIFIED" : 0;
                object.message = "";
            }
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                object.code = options.enums === $String ? $root.escrin.JobErrorCode[message.code] === $undefined ? message.code : $root.escrin.JobErrorCode[message.code] : message.code;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            return object;
        };

        /**
         * Converts this JobFailure to JSON.
         * @function toJSON
         * @memberof escrin.JobFailure
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        JobFailure.prototype.toJSON = function() {
            return JobFailure.toObject(this, $protobuf.util.toJSONOptions);
        };

        return JobFailure;
    })();

    /**
     * JobErrorCode enum.
     * @name escrin.JobErrorCode
     * @enum {number}
     * @property {number} JOB_ERROR_UNSPECIFIED=0 JOB_ERROR_UNSPECIFIED value
     * @property {number} OUT_OF_SCOPE=1 OUT_OF_SCOPE value
     * @property {number} DUPLICATE_JOB=2 DUPLICATE_JOB value
     * @property {number} INPUT_TOO_LARGE=3 INPUT_TOO_LARGE value
     * @property {number} CODE_TOO_LARGE=4 CODE_TOO_LARGE value
     * @property {number} CODE_MISMATCH=5 CODE_MISMATCH value
     * @property {number} WORKER_NOT_FOUND=6 WORKER_NOT_FOUND value
     * @property {number} DECRYPT_FAILED=7 DECRYPT_FAILED value
     * @property {number} MALFORMED_REQUEST=8 MALFORMED_REQUEST value
     * @property {number} WORKER_TIMEOUT=9 WORKER_TIMEOUT value
     * @property {number} WORKER_CPU_EXCEEDED=10 WORKER_CPU_EXCEEDED value
     * @property {number} WORKER_MEMORY_EXCEEDED=11 WORKER_MEMORY_EXCEEDED value
     * @property {number} WORKER_THREW=12 WORKER_THREW value
     * @property {number} OUTPUT_TOO_LARGE=13 OUTPUT_TOO_LARGE value
     * @property {number} RUNNER_BUSY=14 RUNNER_BUSY value
     * @property {number} RUNNER_SHUTTING_DOWN=15 RUNNER_SHUTTING_DOWN value
     * @property {number} INTERNAL=16 INTERNAL value
     * @property {number} CLOCK_SKEW=17 CLOCK_SKEW value
     */
    escrin.JobErrorCode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "JOB_ERROR_UNSPECIFIED"] = 0;
        values[valuesById[1] = "OUT_OF_SCOPE"] = 1;
        values[valuesById[2] = "DUPLICATE_JOB"] = 2;
        values[valuesById[3] = "INPUT_TOO_LARGE"] = 3;
        values[valuesById[4] = "CODE_TOO_LARGE"] = 4;
        values[valuesById[5] = "CODE_MISMATCH"] = 5;
        values[valuesById[6] = "WORKER_NOT_FOUND"] = 6;
        values[valuesById[7] = "DECRYPT_FAILED"] = 7;
        values[valuesById[8] = "MALFORMED_REQUEST"] = 8;
        values[valuesById[9] = "WORKER_TIMEOUT"] = 9;
        values[valuesById[10] = "WORKER_CPU_EXCEEDED"] = 10;
        values[valuesById[11] = "WORKER_MEMORY_EXCEEDED"] = 11;
        values[valuesById[12] = "WORKER_THREW"] = 12;
        values[valuesById[13] = "OUTPUT_TOO_LARGE"] = 13;
        values[valuesById[14] = "RUNNER_BUSY"] = 14;
        values[valuesById[15] = "RUNNER_SHUTTING_DOWN"] = 15;
        values[valuesById[16] = "INTERNAL"] = 16;
        values[valuesById[17] = "CLOCK_SKEW"] = 17;
        return values;
    })();

    escrin.SecretSpec = (function() {

        /**
         * Properties of a SecretSpec.
         * @typedef {Object} escrin.SecretSpec.$Properties
         * @property {Uint8Array|null} [owner] SecretSpec owner
         * @property {string|null} [app] SecretSpec app
         * @property {string|null} [custody] SecretSpec custody
         * @property {number|Long|null} [version] SecretSpec version
         * @property {number|null} [threshold] SecretSpec threshold
         * @property {Array.<Uint8Array>|null} [holders] SecretSpec holders
         * @property {Array.<Uint8Array>|null} [commitments] SecretSpec commitments
         * @property {Uint8Array|null} [signature] SecretSpec signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SecretSpec.
         * @memberof escrin
         * @interface ISecretSpec
         * @augments escrin.SecretSpec.$Properties
         * @deprecated Use escrin.SecretSpec.$Properties instead.
         */

        /**
         * Shape of a SecretSpec.
         * @typedef {escrin.SecretSpec.$Properties} escrin.SecretSpec.$Shape
         */

        /**
         * Constructs a new SecretSpec.
         * @memberof escrin
         * @classdesc Represents a SecretSpec.
         * @constructor
         * @param {escrin.SecretSpec.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SecretSpec = function (properties) {
            this.holders = [];
            this.commitments = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SecretSpec owner.
         * @member {Uint8Array} owner
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.owner = $util.newBuffer([]);

        /**
         * SecretSpec app.
         * @member {string} app
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.app = "";

        /**
         * SecretSpec custody.
         * @member {string} custody
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.custody = "";

        /**
         * SecretSpec version.
         * @member {number|Long} version
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SecretSpec threshold.
         * @member {number} threshold
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.threshold = 0;

        /**
         * SecretSpec holders.
         * @member {Array.<Uint8Array>} holders
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.holders = $util.emptyArray;

        /**
         * SecretSpec commitments.
         * @member {Array.<Uint8Array>} commitments
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.commitments = $util.emptyArray;

        /**
         * SecretSpec signature.
         * @member {Uint8Array} signature
         * @memberof escrin.SecretSpec
         * @instance
         */
        SecretSpec.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SecretSpec instance using the specified properties.
         * @function create
         * @memberof escrin.SecretSpec
         * @static
         * @param {escrin.SecretSpec.$Properties=} [properties] Properties to set
         * @returns {escrin.SecretSpec} SecretSpec instance
         * @type {{
         *   (properties: escrin.SecretSpec.$Shape): escrin.SecretSpec & escrin.SecretSpec.$Shape;
         *   (properties?: escrin.SecretSpec.$Properties): escrin.SecretSpec;
         * }}
         */
        SecretSpec.create = function(properties) {
            return new SecretSpec(properties);
        };

        /**
         * Encodes the specified SecretSpec message. Does not implicitly {@link escrin.SecretSpec.verify|verify} messages.
         * @function encode
         * @memberof escrin.SecretSpec
         * @static
         * @param {escrin.SecretSpec.$Properties} message SecretSpec message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SecretSpec.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.owner);
            if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
            if (message.custody != null && $Object.hasOwnProperty.call(message, "custody") && message.custody !== "")
                writer.uint32(/* id 3, wireType 2 =*/26).string(message.custody);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.version);
            if (message.threshold != null && $Object.hasOwnProperty.call(message, "threshold") && message.threshold !== 0)
                writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.threshold);
            if (message.holders != null && message.holders.length)
                for (let i = 0; i < message.holders.length; ++i)
                    writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.holders[i]);
            if (message.commitments != null && message.commitments.length)
                for (let i = 0; i < message.commitments.length; ++i)
                    writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.commitments[i]);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SecretSpec message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SecretSpec
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SecretSpec & escrin.SecretSpec.$Shape} SecretSpec
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SecretSpec.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SecretSpec();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.app = value;
                        else
                            delete message.app;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.custody = value;
                        else
                            delete message.custody;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.threshold = value;
                        else
                            delete message.threshold;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if (!(message.holders && message.holders.length))
                            message.holders = [];
                        message.holders.push(reader.bytes());
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if (!(message.commitments && message.commitments.length))
                            message.commitments = [];
                        message.commitments.push(reader.bytes());
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SecretSpec message.
         * @function verify
         * @memberof escrin.SecretSpec
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SecretSpec.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                if (!(message.owner && typeof message.owner.length === "number" || $util.isString(message.owner)))
                    return "owner: buffer expected";
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                if (!$util.isString(message.app))
                    return "app: string expected";
            if (message.custody != null && $Object.hasOwnProperty.call(message, "custody"))
                if (!$util.isString(message.custody))
                    return "custody: string expected";
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
                    return "version: integer|Long expected";
            if (message.threshold != null && $Object.hasOwnProperty.call(message, "threshold"))
                if (!$util.isInteger(message.threshold))
                    return "threshold: integer expected";
            if (message.holders != null && $Object.hasOwnProperty.call(message, "holders")) {
                if (!$Array.isArray(message.holders))
                    return "holders: array expected";
                for (let i = 0; i < message.holders.length; ++i)
                    if (!(message.holders[i] && typeof message.holders[i].length === "number" || $util.isString(message.holders[i])))
                        return "holders: buffer[] expected";
            }
            if (message.commitments != null && $Object.hasOwnProperty.call(message, "commitments")) {
                if (!$Array.isArray(message.commitments))
                    return "commitments: array expected";
                for (let i = 0; i < message.commitments.length; ++i)
                    if (!(message.commitments[i] && typeof message.commitments[i].length === "number" || $util.isString(message.commitments[i])))
                        return "commitments: buffer[] expected";
            }
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a SecretSpec message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SecretSpec
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SecretSpec} SecretSpec
         */
        SecretSpec.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SecretSpec)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SecretSpec: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SecretSpec();
            if (object.owner != null)
                if (object.owner.length)
                    if (typeof object.owner === "string")
                        $util.base64.decode(object.owner, message.owner = $util.newBuffer($util.base64.length(object.owner)), 0);
                    else if (object.owner.length >= 0)
                        message.owner = object.owner;
            if (object.app != null)
                if (typeof object.app !== "string" || object.app.length)
                    message.app = $String(object.app);
            if (object.custody != null)
                if (typeof object.custody !== "string" || object.custody.length)
                    message.custody = $String(object.custody);
            if (object.version != null)
                if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                    if ($util.Long)
                        message.version = $util.Long.fromValue(object.version, true);
                    else if (typeof object.version === "string")
                        message.version = $parseInt(object.version, 10);
                    else if (typeof object.version === "number")
                        message.version = object.version;
                    else if (typeof object.version === "object")
                        message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
            if (object.threshold != null)
                if ($Number(object.threshold) !== 0)
                    message.threshold = object.threshold >>> 0;
            if (object.holders) {
                if (!$Array.isArray(object.holders))
                    throw $TypeError(".escrin.SecretSpec.holders: array expected");
                message.holders = $Array(object.holders.length);
                for (let i = 0; i < object.holders.length; ++i)
                    if (typeof object.holders[i] === "string")
                        $util.base64.decode(object.holders[i], message.holders[i] = $util.newBuffer($util.base64.length(object.holders[i])), 0);
                    else if (object.holders[i].length >= 0)
                        message.holders[i] = object.holders[i];
            }
            if (object.commitments) {
                if (!$Array.isArray(object.commitments))
                    throw $TypeError(".escrin.SecretSpec.commitments: array expected");
                message.commitments = $Array(object.commitments.length);
                for (let i = 0; i < object.commitments.length; ++i)
                    if (typeof object.commitments[i] === "string")
                        $util.base64.decode(object.commitments[i], message.commitments[i] = $util.newBuffer($util.base64.length(object.commitments[i])), 0);
                    else if (object.commitments[i].length >= 0)
                        message.commitments[i] = object.commitments[i];
            }
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a SecretSpec message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SecretSpec
         * @static
         * @param {escrin.SecretSpec} message SecretSpec
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SecretSpec.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.holders = [];
                object.commitments = [];
            }
            if (options.defaults) {
                if (options.bytes === $String)
                    object.owner = "";
                else {
                    object.owner = [];
                    if (options.bytes !== $Array)
                        object.owner = $util.newBuffer(object.owner);
                }
                object.app = "";
                object.custody = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.threshold = 0;
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                object.owner = options.bytes === $String ? $util.base64.encode(message.owner, 0, message.owner.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.owner) : message.owner;
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                object.app = message.app;
            if (message.custody != null && $Object.hasOwnProperty.call(message, "custody"))
                object.custody = message.custody;
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                else if (typeof message.version === "number")
                    object.version = options.longs === $String ? $String(message.version) : message.version;
                else
                    object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
            if (message.threshold != null && $Object.hasOwnProperty.call(message, "threshold"))
                object.threshold = message.threshold;
            if (message.holders && message.holders.length) {
                object.holders = $Array(message.holders.length);
                for (let j = 0; j < message.holders.length; ++j)
                    object.holders[j] = options.bytes === $String ? $util.base64.encode(message.holders[j], 0, message.holders[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.holders[j]) : message.holders[j];
            }
            if (message.commitments && message.commitments.length) {
                object.commitments = $Array(message.commitments.length);
                for (let j = 0; j < message.commitments.length; ++j)
                    object.commitments[j] = options.bytes === $String ? $util.base64.encode(message.commitments[j], 0, message.commitments[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.commitments[j]) : message.commitments[j];
            }
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this SecretSpec to JSON.
         * @function toJSON
         * @memberof escrin.SecretSpec
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SecretSpec.prototype.toJSON = function() {
            return SecretSpec.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SecretSpec;
    })();

    escrin.SecretControl = (function() {

        /**
         * Properties of a SecretControl.
         * @typedef {Object} escrin.SecretControl.$Properties
         * @property {Uint8Array|null} [owner] SecretControl owner
         * @property {string|null} [app] SecretControl app
         * @property {number|Long|null} [version] SecretControl version
         * @property {escrin.SecretControl.Action|null} [action] SecretControl action
         * @property {number|Long|null} [issuedAtMs] SecretControl issuedAtMs
         * @property {Uint8Array|null} [signature] SecretControl signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SecretControl.
         * @memberof escrin
         * @interface ISecretControl
         * @augments escrin.SecretControl.$Properties
         * @deprecated Use escrin.SecretControl.$Properties instead.
         */

        /**
         * Shape of a SecretControl.
         * @typedef {escrin.SecretControl.$Properties} escrin.SecretControl.$Shape
         */

        /**
         * Constructs a new SecretControl.
         * @memberof escrin
         * @classdesc Represents a SecretControl.
         * @constructor
         * @param {escrin.SecretControl.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SecretControl = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SecretControl owner.
         * @member {Uint8Array} owner
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.owner = $util.newBuffer([]);

        /**
         * SecretControl app.
         * @member {string} app
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.app = "";

        /**
         * SecretControl version.
         * @member {number|Long} version
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SecretControl action.
         * @member {escrin.SecretControl.Action} action
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.action = 0;

        /**
         * SecretControl issuedAtMs.
         * @member {number|Long} issuedAtMs
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SecretControl signature.
         * @member {Uint8Array} signature
         * @memberof escrin.SecretControl
         * @instance
         */
        SecretControl.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SecretControl instance using the specified properties.
         * @function create
         * @memberof escrin.SecretControl
         * @static
         * @param {escrin.SecretControl.$Properties=} [properties] Properties to set
         * @returns {escrin.SecretControl} SecretControl instance
         * @type {{
         *   (properties: escrin.SecretControl.$Shape): escrin.SecretControl & escrin.SecretControl.$Shape;
         *   (properties?: escrin.SecretControl.$Properties): escrin.SecretControl;
         * }}
         */
        SecretControl.create = function(properties) {
            return new SecretControl(properties);
        };

        /**
         * Encodes the specified SecretControl message. Does not implicitly {@link escrin.SecretControl.verify|verify} messages.
         * @function encode
         * @memberof escrin.SecretControl
         * @static
         * @param {escrin.SecretControl.$Properties} message SecretControl message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SecretControl.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.owner);
            if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
            if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                writer.uint32(/* id 4, wireType 0 =*/32).int32(message.action);
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.issuedAtMs);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SecretControl message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SecretControl
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SecretControl & escrin.SecretControl.$Shape} SecretControl
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SecretControl.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SecretControl();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.app = value;
                        else
                            delete message.app;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.action = value;
                        else
                            delete message.action;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.issuedAtMs = value;
                        else
                            delete message.issuedAtMs;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SecretControl message.
         * @function verify
         * @memberof escrin.SecretControl
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SecretControl.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                if (!(message.owner && typeof message.owner.length === "number" || $util.isString(message.owner)))
                    return "owner: buffer expected";
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                if (!$util.isString(message.app))
                    return "app: string expected";
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
                    return "version: integer|Long expected";
            if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                if (typeof message.action !== "number" || (message.action | 0) !== message.action)
                    return "action: enum value expected";
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                if (!$util.isInteger(message.issuedAtMs) && !(message.issuedAtMs && $util.isInteger(message.issuedAtMs.low) && $util.isInteger(message.issuedAtMs.high)))
                    return "issuedAtMs: integer|Long expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a SecretControl message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SecretControl
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SecretControl} SecretControl
         */
        SecretControl.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SecretControl)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SecretControl: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SecretControl();
            if (object.owner != null)
                if (object.owner.length)
                    if (typeof object.owner === "string")
                        $util.base64.decode(object.owner, message.owner = $util.newBuffer($util.base64.length(object.owner)), 0);
                    else if (object.owner.length >= 0)
                        message.owner = object.owner;
            if (object.app != null)
                if (typeof object.app !== "string" || object.app.length)
                    message.app = $String(object.app);
            if (object.version != null)
                if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                    if ($util.Long)
                        message.version = $util.Long.fromValue(object.version, true);
                    else if (typeof object.version === "string")
                        message.version = $parseInt(object.version, 10);
                    else if (typeof object.version === "number")
                        message.version = object.version;
                    else if (typeof object.version === "object")
                        message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
            if (object.action !== 0 && (typeof object.action !== "string" || $root.escrin.SecretControl.Action[object.action] !== 0))
                switch (object.action) {
                case "ACTION_UNSPECIFIED":
                case 0:
                    message.action = 0;
                    break;
                case "COMMIT":
                case 1:
                    message.action = 1;
                    break;
                case "DELETE":
                case 2:
                    message.action = 2;
                    break;
                default:
                    if (typeof object.action === "number" && (object.action | 0) === object.action)
                        message.action = object.action;
                }
            if (object.issuedAtMs != null)
                if (typeof object.issuedAtMs === "object" ? object.issuedAtMs.low || object.issuedAtMs.high : $Number(object.issuedAtMs) !== 0)
                    if ($util.Long)
                        message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, true);
                    else if (typeof object.issuedAtMs === "string")
                        message.issuedAtMs = $parseInt(object.issuedAtMs, 10);
                    else if (typeof object.issuedAtMs === "number")
                        message.issuedAtMs = object.issuedAtMs;
                    else if (typeof object.issuedAtMs === "object")
                        message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber(true);
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a SecretControl message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SecretControl
         * @static
         * @param {escrin.SecretControl} message SecretControl
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SecretControl.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.owner = "";
                else {
                    object.owner = [];
                    if (options.bytes !== $Array)
                        object.owner = $util.newBuffer(object.owner);
                }
                object.app = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                object.action = options.enums === $String ? "ACTION_UNSPECIFIED" : 0;
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.issuedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.issuedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                object.owner = options.bytes === $String ? $util.base64.encode(message.owner, 0, message.owner.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.owner) : message.owner;
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                object.app = message.app;
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                else if (typeof message.version === "number")
                    object.version = options.longs === $String ? $String(message.version) : message.version;
                else
                    object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
            if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                object.action = options.enums === $String ? $root.escrin.SecretControl.Action[message.action] === $undefined ? message.action : $root.escrin.SecretControl.Action[message.action] : message.action;
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.issuedAtMs = typeof message.issuedAtMs === "number" ? $BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, true).toBigInt();
                else if (typeof message.issuedAtMs === "number")
                    object.issuedAtMs = options.longs === $String ? $String(message.issuedAtMs) : message.issuedAtMs;
                else
                    object.issuedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === $Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber(true) : message.issuedAtMs;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this SecretControl to JSON.
         * @function toJSON
         * @memberof escrin.SecretControl
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SecretControl.prototype.toJSON = function() {
            return SecretControl.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Action enum.
         * @name escrin.SecretControl.Action
         * @enum {number}
         * @property {number} ACTION_UNSPECIFIED=0 ACTION_UNSPECIFIED value
         * @property {number} COMMIT=1 COMMIT value
         * @property {number} DELETE=2 DELETE value
         */
        SecretControl.Action = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ACTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "COMMIT"] = 1;
            values[valuesById[2] = "DELETE"] = 2;
            return values;
        })();

        return SecretControl;
    })();

    escrin.SsssDeal = (function() {

        /**
         * Properties of a SsssDeal.
         * @typedef {Object} escrin.SsssDeal.$Properties
         * @property {escrin.SecretSpec.$Properties|null} [spec] SsssDeal spec
         * @property {escrin.SealedBox.$Properties|null} [share] SsssDeal share
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssDeal.
         * @memberof escrin
         * @interface ISsssDeal
         * @augments escrin.SsssDeal.$Properties
         * @deprecated Use escrin.SsssDeal.$Properties instead.
         */

        /**
         * Shape of a SsssDeal.
         * @typedef {escrin.SsssDeal.$Properties} escrin.SsssDeal.$Shape
         */

        /**
         * Constructs a new SsssDeal.
         * @memberof escrin
         * @classdesc Represents a SsssDeal.
         * @constructor
         * @param {escrin.SsssDeal.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssDeal = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssDeal spec.
         * @member {escrin.SecretSpec.$Properties|null|undefined} spec
         * @memberof escrin.SsssDeal
         * @instance
         */
        SsssDeal.prototype.spec = null;

        /**
         * SsssDeal share.
         * @member {escrin.SealedBox.$Properties|null|undefined} share
         * @memberof escrin.SsssDeal
         * @instance
         */
        SsssDeal.prototype.share = null;

        /**
         * Creates a new SsssDeal instance using the specified properties.
         * @function create
         * @memberof escrin.SsssDeal
         * @static
         * @param {escrin.SsssDeal.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssDeal} SsssDeal instance
         * @type {{
         *   (properties: escrin.SsssDeal.$Shape): escrin.SsssDeal & escrin.SsssDeal.$Shape;
         *   (properties?: escrin.SsssDeal.$Properties): escrin.SsssDeal;
         * }}
         */
        SsssDeal.create = function(properties) {
            return new SsssDeal(properties);
        };

        /**
         * Encodes the specified SsssDeal message. Does not implicitly {@link escrin.SsssDeal.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssDeal
         * @static
         * @param {escrin.SsssDeal.$Properties} message SsssDeal message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssDeal.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec"))
                $root.escrin.SecretSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.share != null && $Object.hasOwnProperty.call(message, "share"))
                $root.escrin.SealedBox.encode(message.share, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssDeal message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssDeal
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssDeal & escrin.SsssDeal.$Shape} SsssDeal
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssDeal.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssDeal();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.spec = $root.escrin.SecretSpec.decode(reader, reader.size(), $undefined, _depth + 1, message.spec);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.share = $root.escrin.SealedBox.decode(reader, reader.size(), $undefined, _depth + 1, message.share);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssDeal message.
         * @function verify
         * @memberof escrin.SsssDeal
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssDeal.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec")) {
                let error = $root.escrin.SecretSpec.verify(message.spec, _depth + 1);
                if (error)
                    return "spec." + error;
            }
            if (message.share != null && $Object.hasOwnProperty.call(message, "share")) {
                let error = $root.escrin.SealedBox.verify(message.share, _depth + 1);
                if (error)
                    return "share." + error;
            }
            return null;
        };

        /**
         * Creates a SsssDeal message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssDeal
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssDeal} SsssDeal
         */
        SsssDeal.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssDeal)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssDeal: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssDeal();
            if (object.spec != null) {
                if (!$util.isObject(object.spec))
                    throw $TypeError(".escrin.SsssDeal.spec: object expected");
                message.spec = $root.escrin.SecretSpec.fromObject(object.spec, _depth + 1);
            }
            if (object.share != null) {
                if (!$util.isObject(object.share))
                    throw $TypeError(".escrin.SsssDeal.share: object expected");
                message.share = $root.escrin.SealedBox.fromObject(object.share, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SsssDeal message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssDeal
         * @static
         * @param {escrin.SsssDeal} message SsssDeal
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssDeal.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.spec = null;
                object.share = null;
            }
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec"))
                object.spec = $root.escrin.SecretSpec.toObject(message.spec, options, _depth + 1);
            if (message.share != null && $Object.hasOwnProperty.call(message, "share"))
                object.share = $root.escrin.SealedBox.toObject(message.share, options, _depth + 1);
            return object;
        };

        /**
         * Converts this SsssDeal to JSON.
         * @function toJSON
         * @memberof escrin.SsssDeal
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssDeal.prototype.toJSON = function() {
            return SsssDeal.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssDeal;
    })();

    escrin.SsssGet = (function() {

        /**
         * Properties of a SsssGet.
         * @typedef {Object} escrin.SsssGet.$Properties
         * @property {Uint8Array|null} [owner] SsssGet owner
         * @property {string|null} [app] SsssGet app
         * @property {number|Long|null} [version] SsssGet version
         * @property {Uint8Array|null} [replyX25519] SsssGet replyX25519
         * @property {number|Long|null} [timestampMs] SsssGet timestampMs
         * @property {Uint8Array|null} [nonce] SsssGet nonce
         * @property {Uint8Array|null} [signature] SsssGet signature
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssGet.
         * @memberof escrin
         * @interface ISsssGet
         * @augments escrin.SsssGet.$Properties
         * @deprecated Use escrin.SsssGet.$Properties instead.
         */

        /**
         * Shape of a SsssGet.
         * @typedef {escrin.SsssGet.$Properties} escrin.SsssGet.$Shape
         */

        /**
         * Constructs a new SsssGet.
         * @memberof escrin
         * @classdesc Represents a SsssGet.
         * @constructor
         * @param {escrin.SsssGet.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssGet = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssGet owner.
         * @member {Uint8Array} owner
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.owner = $util.newBuffer([]);

        /**
         * SsssGet app.
         * @member {string} app
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.app = "";

        /**
         * SsssGet version.
         * @member {number|Long} version
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SsssGet replyX25519.
         * @member {Uint8Array} replyX25519
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.replyX25519 = $util.newBuffer([]);

        /**
         * SsssGet timestampMs.
         * @member {number|Long} timestampMs
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SsssGet nonce.
         * @member {Uint8Array} nonce
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.nonce = $util.newBuffer([]);

        /**
         * SsssGet signature.
         * @member {Uint8Array} signature
         * @memberof escrin.SsssGet
         * @instance
         */
        SsssGet.prototype.signature = $util.newBuffer([]);

        /**
         * Creates a new SsssGet instance using the specified properties.
         * @function create
         * @memberof escrin.SsssGet
         * @static
         * @param {escrin.SsssGet.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssGet} SsssGet instance
         * @type {{
         *   (properties: escrin.SsssGet.$Shape): escrin.SsssGet & escrin.SsssGet.$Shape;
         *   (properties?: escrin.SsssGet.$Properties): escrin.SsssGet;
         * }}
         */
        SsssGet.create = function(properties) {
            return new SsssGet(properties);
        };

        /**
         * Encodes the specified SsssGet message. Does not implicitly {@link escrin.SsssGet.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssGet
         * @static
         * @param {escrin.SsssGet.$Properties} message SsssGet message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssGet.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.owner);
            if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
            if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.version);
            if (message.replyX25519 != null && $Object.hasOwnProperty.call(message, "replyX25519") && message.replyX25519.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.replyX25519);
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs") && (typeof message.timestampMs === "object" ? message.timestampMs.low || message.timestampMs.high : message.timestampMs !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.timestampMs);
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.nonce);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.signature);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssGet message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssGet
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssGet & escrin.SsssGet.$Shape} SsssGet
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssGet.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssGet();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.app = value;
                        else
                            delete message.app;
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.version = value;
                        else
                            delete message.version;
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.replyX25519 = value;
                        else
                            delete message.replyX25519;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.timestampMs = value;
                        else
                            delete message.timestampMs;
                        continue;
                    }
                case 6: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.nonce = value;
                        else
                            delete message.nonce;
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssGet message.
         * @function verify
         * @memberof escrin.SsssGet
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssGet.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                if (!(message.owner && typeof message.owner.length === "number" || $util.isString(message.owner)))
                    return "owner: buffer expected";
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                if (!$util.isString(message.app))
                    return "app: string expected";
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (!$util.isInteger(message.version) && !(message.version && $util.isInteger(message.version.low) && $util.isInteger(message.version.high)))
                    return "version: integer|Long expected";
            if (message.replyX25519 != null && $Object.hasOwnProperty.call(message, "replyX25519"))
                if (!(message.replyX25519 && typeof message.replyX25519.length === "number" || $util.isString(message.replyX25519)))
                    return "replyX25519: buffer expected";
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs"))
                if (!$util.isInteger(message.timestampMs) && !(message.timestampMs && $util.isInteger(message.timestampMs.low) && $util.isInteger(message.timestampMs.high)))
                    return "timestampMs: integer|Long expected";
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                if (!(message.nonce && typeof message.nonce.length === "number" || $util.isString(message.nonce)))
                    return "nonce: buffer expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            return null;
        };

        /**
         * Creates a SsssGet message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssGet
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssGet} SsssGet
         */
        SsssGet.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssGet)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssGet: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssGet();
            if (object.owner != null)
                if (object.owner.length)
                    if (typeof object.owner === "string")
                        $util.base64.decode(object.owner, message.owner = $util.newBuffer($util.base64.length(object.owner)), 0);
                    else if (object.owner.length >= 0)
                        message.owner = object.owner;
            if (object.app != null)
                if (typeof object.app !== "string" || object.app.length)
                    message.app = $String(object.app);
            if (object.version != null)
                if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                    if ($util.Long)
                        message.version = $util.Long.fromValue(object.version, true);
                    else if (typeof object.version === "string")
                        message.version = $parseInt(object.version, 10);
                    else if (typeof object.version === "number")
                        message.version = object.version;
                    else if (typeof object.version === "object")
                        message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
            if (object.replyX25519 != null)
                if (object.replyX25519.length)
                    if (typeof object.replyX25519 === "string")
                        $util.base64.decode(object.replyX25519, message.replyX25519 = $util.newBuffer($util.base64.length(object.replyX25519)), 0);
                    else if (object.replyX25519.length >= 0)
                        message.replyX25519 = object.replyX25519;
            if (object.timestampMs != null)
                if (typeof object.timestampMs === "object" ? object.timestampMs.low || object.timestampMs.high : $Number(object.timestampMs) !== 0)
                    if ($util.Long)
                        message.timestampMs = $util.Long.fromValue(object.timestampMs, true);
                    else if (typeof object.timestampMs === "string")
                        message.timestampMs = $parseInt(object.timestampMs, 10);
                    else if (typeof object.timestampMs === "number")
                        message.timestampMs = object.timestampMs;
                    else if (typeof object.timestampMs === "object")
                        message.timestampMs = new $util.LongBits(object.timestampMs.low >>> 0, object.timestampMs.high >>> 0).toNumber(true);
            if (object.nonce != null)
                if (object.nonce.length)
                    if (typeof object.nonce === "string")
                        $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                    else if (object.nonce.length >= 0)
                        message.nonce = object.nonce;
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            return message;
        };

        /**
         * Creates a plain object from a SsssGet message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssGet
         * @static
         * @param {escrin.SsssGet} message SsssGet
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssGet.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.owner = "";
                else {
                    object.owner = [];
                    if (options.bytes !== $Array)
                        object.owner = $util.newBuffer(object.owner);
                }
                object.app = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.replyX25519 = "";
                else {
                    object.replyX25519 = [];
                    if (options.bytes !== $Array)
                        object.replyX25519 = $util.newBuffer(object.replyX25519);
                }
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.timestampMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.timestampMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.nonce = "";
                else {
                    object.nonce = [];
                    if (options.bytes !== $Array)
                        object.nonce = $util.newBuffer(object.nonce);
                }
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
            }
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                object.owner = options.bytes === $String ? $util.base64.encode(message.owner, 0, message.owner.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.owner) : message.owner;
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                object.app = message.app;
            if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                else if (typeof message.version === "number")
                    object.version = options.longs === $String ? $String(message.version) : message.version;
                else
                    object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
            if (message.replyX25519 != null && $Object.hasOwnProperty.call(message, "replyX25519"))
                object.replyX25519 = options.bytes === $String ? $util.base64.encode(message.replyX25519, 0, message.replyX25519.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.replyX25519) : message.replyX25519;
            if (message.timestampMs != null && $Object.hasOwnProperty.call(message, "timestampMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.timestampMs = typeof message.timestampMs === "number" ? $BigInt(message.timestampMs) : $util.Long.fromBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0, true).toBigInt();
                else if (typeof message.timestampMs === "number")
                    object.timestampMs = options.longs === $String ? $String(message.timestampMs) : message.timestampMs;
                else
                    object.timestampMs = options.longs === $String ? $util.Long.prototype.toString.call(message.timestampMs) : options.longs === $Number ? new $util.LongBits(message.timestampMs.low >>> 0, message.timestampMs.high >>> 0).toNumber(true) : message.timestampMs;
            if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            return object;
        };

        /**
         * Converts this SsssGet to JSON.
         * @function toJSON
         * @memberof escrin.SsssGet
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssGet.prototype.toJSON = function() {
            return SsssGet.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssGet;
    })();

    escrin.SsssRequest = (function() {

        /**
         * Properties of a SsssRequest.
         * @typedef {Object} escrin.SsssRequest.$Properties
         * @property {escrin.SsssDeal.$Properties|null} [deal] SsssRequest deal
         * @property {escrin.SecretControl.$Properties|null} [control] SsssRequest control
         * @property {escrin.SsssGet.$Properties|null} [get] SsssRequest get
         * @property {"deal"|"control"|"get"} [kind] SsssRequest kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssRequest.
         * @memberof escrin
         * @interface ISsssRequest
         * @augments escrin.SsssRequest.$Properties
         * @deprecated Use escrin.SsssRequest.$Properties instead.
         */

        /**
         * Narrowed shape of a SsssRequest.
         * @typedef {{
         *   deal?: escrin.SsssDeal.$Shape|null;
         *   control?: escrin.SecretControl.$Shape|null;
         *   get?: escrin.SsssGet.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; deal?: null; control?: null; get?: null }|{ kind?: "deal"; deal: escrin.SsssDeal.$Shape; control?: null; get?: null }|{ kind?: "control"; deal?: null; control: escrin.SecretControl.$Shape; get?: null }|{ kind?: "get"; deal?: null; control?: null; get: escrin.SsssGet.$Shape })
         * )} escrin.SsssRequest.$Shape
         */

        /**
         * Constructs a new SsssRequest.
         * @memberof escrin
         * @classdesc Represents a SsssRequest.
         * @constructor
         * @param {escrin.SsssRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssRequest deal.
         * @member {escrin.SsssDeal.$Properties|null|undefined} deal
         * @memberof escrin.SsssRequest
         * @instance
         */
        SsssRequest.prototype.deal = null;

        /**
         * SsssRequest control.
         * @member {escrin.SecretControl.$Properties|null|undefined} control
         * @memberof escrin.SsssRequest
         * @instance
         */
        SsssRequest.prototype.control = null;

        /**
         * SsssRequest get.
         * @member {escrin.SsssGet.$Properties|null|undefined} get
         * @memberof escrin.SsssRequest
         * @instance
         */
        SsssRequest.prototype.get = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * SsssRequest kind.
         * @member {"deal"|"control"|"get"|undefined} kind
         * @memberof escrin.SsssRequest
         * @instance
         */
        $Object.defineProperty(SsssRequest.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["deal", "control", "get"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new SsssRequest instance using the specified properties.
         * @function create
         * @memberof escrin.SsssRequest
         * @static
         * @param {escrin.SsssRequest.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssRequest} SsssRequest instance
         * @type {{
         *   (properties: escrin.SsssRequest.$Shape): escrin.SsssRequest & escrin.SsssRequest.$Shape;
         *   (properties?: escrin.SsssRequest.$Properties): escrin.SsssRequest;
         * }}
         */
        SsssRequest.create = function(properties) {
            return new SsssRequest(properties);
        };

        /**
         * Encodes the specified SsssRequest message. Does not implicitly {@link escrin.SsssRequest.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssRequest
         * @static
         * @param {escrin.SsssRequest.$Properties} message SsssRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.deal != null && $Object.hasOwnProperty.call(message, "deal"))
                $root.escrin.SsssDeal.encode(message.deal, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.control != null && $Object.hasOwnProperty.call(message, "control"))
                $root.escrin.SecretControl.encode(message.control, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.get != null && $Object.hasOwnProperty.call(message, "get"))
                $root.escrin.SsssGet.encode(message.get, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssRequest message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssRequest & escrin.SsssRequest.$Shape} SsssRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.deal = $root.escrin.SsssDeal.decode(reader, reader.size(), $undefined, _depth + 1, message.deal);
                        message.kind = "deal";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.control = $root.escrin.SecretControl.decode(reader, reader.size(), $undefined, _depth + 1, message.control);
                        message.kind = "control";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.get = $root.escrin.SsssGet.decode(reader, reader.size(), $undefined, _depth + 1, message.get);
                        message.kind = "get";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssRequest message.
         * @function verify
         * @memberof escrin.SsssRequest
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssRequest.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.deal != null && $Object.hasOwnProperty.call(message, "deal")) {
                properties.kind = 1;
                {
                    let error = $root.escrin.SsssDeal.verify(message.deal, _depth + 1);
                    if (error)
                        return "deal." + error;
                }
            }
            if (message.control != null && $Object.hasOwnProperty.call(message, "control")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.SecretControl.verify(message.control, _depth + 1);
                    if (error)
                        return "control." + error;
                }
            }
            if (message.get != null && $Object.hasOwnProperty.call(message, "get")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.SsssGet.verify(message.get, _depth + 1);
                    if (error)
                        return "get." + error;
                }
            }
            return null;
        };

        /**
         * Creates a SsssRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssRequest} SsssRequest
         */
        SsssRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssRequest();
            if (object.deal != null) {
                if (!$util.isObject(object.deal))
                    throw $TypeError(".escrin.SsssRequest.deal: object expected");
                message.deal = $root.escrin.SsssDeal.fromObject(object.deal, _depth + 1);
            }
            if (object.control != null) {
                if (!$util.isObject(object.control))
                    throw $TypeError(".escrin.SsssRequest.control: object expected");
                message.control = $root.escrin.SecretControl.fromObject(object.control, _depth + 1);
            }
            if (object.get != null) {
                if (!$util.isObject(object.get))
                    throw $TypeError(".escrin.SsssRequest.get: object expected");
                message.get = $root.escrin.SsssGet.fromObject(object.get, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SsssRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssRequest
         * @static
         * @param {escrin.SsssRequest} message SsssRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.deal != null && $Object.hasOwnProperty.call(message, "deal")) {
                object.deal = $root.escrin.SsssDeal.toObject(message.deal, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "deal";
            }
            if (message.control != null && $Object.hasOwnProperty.call(message, "control")) {
                object.control = $root.escrin.SecretControl.toObject(message.control, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "control";
            }
            if (message.get != null && $Object.hasOwnProperty.call(message, "get")) {
                object.get = $root.escrin.SsssGet.toObject(message.get, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "get";
            }
            return object;
        };

        /**
         * Converts this SsssRequest to JSON.
         * @function toJSON
         * @memberof escrin.SsssRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssRequest.prototype.toJSON = function() {
            return SsssRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssRequest;
    })();

    escrin.SsssShare = (function() {

        /**
         * Properties of a SsssShare.
         * @typedef {Object} escrin.SsssShare.$Properties
         * @property {escrin.SecretSpec.$Properties|null} [spec] SsssShare spec
         * @property {escrin.SealedBox.$Properties|null} [share] SsssShare share
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssShare.
         * @memberof escrin
         * @interface ISsssShare
         * @augments escrin.SsssShare.$Properties
         * @deprecated Use escrin.SsssShare.$Properties instead.
         */

        /**
         * Shape of a SsssShare.
         * @typedef {escrin.SsssShare.$Properties} escrin.SsssShare.$Shape
         */

        /**
         * Constructs a new SsssShare.
         * @memberof escrin
         * @classdesc Represents a SsssShare.
         * @constructor
         * @param {escrin.SsssShare.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssShare = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssShare spec.
         * @member {escrin.SecretSpec.$Properties|null|undefined} spec
         * @memberof escrin.SsssShare
         * @instance
         */
        SsssShare.prototype.spec = null;

        /**
         * SsssShare share.
         * @member {escrin.SealedBox.$Properties|null|undefined} share
         * @memberof escrin.SsssShare
         * @instance
         */
        SsssShare.prototype.share = null;

        /**
         * Creates a new SsssShare instance using the specified properties.
         * @function create
         * @memberof escrin.SsssShare
         * @static
         * @param {escrin.SsssShare.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssShare} SsssShare instance
         * @type {{
         *   (properties: escrin.SsssShare.$Shape): escrin.SsssShare & escrin.SsssShare.$Shape;
         *   (properties?: escrin.SsssShare.$Properties): escrin.SsssShare;
         * }}
         */
        SsssShare.create = function(properties) {
            return new SsssShare(properties);
        };

        /**
         * Encodes the specified SsssShare message. Does not implicitly {@link escrin.SsssShare.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssShare
         * @static
         * @param {escrin.SsssShare.$Properties} message SsssShare message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssShare.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec"))
                $root.escrin.SecretSpec.encode(message.spec, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.share != null && $Object.hasOwnProperty.call(message, "share"))
                $root.escrin.SealedBox.encode(message.share, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssShare message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssShare
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssShare & escrin.SsssShare.$Shape} SsssShare
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssShare.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssShare();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.spec = $root.escrin.SecretSpec.decode(reader, reader.size(), $undefined, _depth + 1, message.spec);
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.share = $root.escrin.SealedBox.decode(reader, reader.size(), $undefined, _depth + 1, message.share);
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssShare message.
         * @function verify
         * @memberof escrin.SsssShare
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssShare.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec")) {
                let error = $root.escrin.SecretSpec.verify(message.spec, _depth + 1);
                if (error)
                    return "spec." + error;
            }
            if (message.share != null && $Object.hasOwnProperty.call(message, "share")) {
                let error = $root.escrin.SealedBox.verify(message.share, _depth + 1);
                if (error)
                    return "share." + error;
            }
            return null;
        };

        /**
         * Creates a SsssShare message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssShare
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssShare} SsssShare
         */
        SsssShare.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssShare)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssShare: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssShare();
            if (object.spec != null) {
                if (!$util.isObject(object.spec))
                    throw $TypeError(".escrin.SsssShare.spec: object expected");
                message.spec = $root.escrin.SecretSpec.fromObject(object.spec, _depth + 1);
            }
            if (object.share != null) {
                if (!$util.isObject(object.share))
                    throw $TypeError(".escrin.SsssShare.share: object expected");
                message.share = $root.escrin.SealedBox.fromObject(object.share, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SsssShare message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssShare
         * @static
         * @param {escrin.SsssShare} message SsssShare
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssShare.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.spec = null;
                object.share = null;
            }
            if (message.spec != null && $Object.hasOwnProperty.call(message, "spec"))
                object.spec = $root.escrin.SecretSpec.toObject(message.spec, options, _depth + 1);
            if (message.share != null && $Object.hasOwnProperty.call(message, "share"))
                object.share = $root.escrin.SealedBox.toObject(message.share, options, _depth + 1);
            return object;
        };

        /**
         * Converts this SsssShare to JSON.
         * @function toJSON
         * @memberof escrin.SsssShare
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssShare.prototype.toJSON = function() {
            return SsssShare.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssShare;
    })();

    escrin.SsssResponse = (function() {

        /**
         * Properties of a SsssResponse.
         * @typedef {Object} escrin.SsssResponse.$Properties
         * @property {escrin.SsssShare.$Properties|null} [share] SsssResponse share
         * @property {boolean|null} [ok] SsssResponse ok
         * @property {escrin.SsssFailure.$Properties|null} [failure] SsssResponse failure
         * @property {"share"|"ok"|"failure"} [result] SsssResponse result
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssResponse.
         * @memberof escrin
         * @interface ISsssResponse
         * @augments escrin.SsssResponse.$Properties
         * @deprecated Use escrin.SsssResponse.$Properties instead.
         */

        /**
         * Narrowed shape of a SsssResponse.
         * @typedef {{
         *   share?: escrin.SsssShare.$Shape|null;
         *   ok?: boolean|null;
         *   failure?: escrin.SsssFailure.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ result?: undefined; share?: null; ok?: null; failure?: null }|{ result?: "share"; share: escrin.SsssShare.$Shape; ok?: null; failure?: null }|{ result?: "ok"; share?: null; ok: boolean; failure?: null }|{ result?: "failure"; share?: null; ok?: null; failure: escrin.SsssFailure.$Shape })
         * )} escrin.SsssResponse.$Shape
         */

        /**
         * Constructs a new SsssResponse.
         * @memberof escrin
         * @classdesc Represents a SsssResponse.
         * @constructor
         * @param {escrin.SsssResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssResponse share.
         * @member {escrin.SsssShare.$Properties|null|undefined} share
         * @memberof escrin.SsssResponse
         * @instance
         */
        SsssResponse.prototype.share = null;

        /**
         * SsssResponse ok.
         * @member {boolean|null|undefined} ok
         * @memberof escrin.SsssResponse
         * @instance
         */
        SsssResponse.prototype.ok = null;

        /**
         * SsssResponse failure.
         * @member {escrin.SsssFailure.$Properties|null|undefined} failure
         * @memberof escrin.SsssResponse
         * @instance
         */
        SsssResponse.prototype.failure = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * SsssResponse result.
         * @member {"share"|"ok"|"failure"|undefined} result
         * @memberof escrin.SsssResponse
         * @instance
         */
        $Object.defineProperty(SsssResponse.prototype, "result", {
            get: $util.oneOfGetter($oneOfFields = ["share", "ok", "failure"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new SsssResponse instance using the specified properties.
         * @function create
         * @memberof escrin.SsssResponse
         * @static
         * @param {escrin.SsssResponse.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssResponse} SsssResponse instance
         * @type {{
         *   (properties: escrin.SsssResponse.$Shape): escrin.SsssResponse & escrin.SsssResponse.$Shape;
         *   (properties?: escrin.SsssResponse.$Properties): escrin.SsssResponse;
         * }}
         */
        SsssResponse.create = function(properties) {
            return new SsssResponse(properties);
        };

        /**
         * Encodes the specified SsssResponse message. Does not implicitly {@link escrin.SsssResponse.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssResponse
         * @static
         * @param {escrin.SsssResponse.$Properties} message SsssResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.share != null && $Object.hasOwnProperty.call(message, "share"))
                $root.escrin.SsssShare.encode(message.share, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.ok);
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                $root.escrin.SsssFailure.encode(message.failure, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssResponse message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssResponse & escrin.SsssResponse.$Shape} SsssResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.share = $root.escrin.SsssShare.decode(reader, reader.size(), $undefined, _depth + 1, message.share);
                        message.result = "share";
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.ok = reader.bool();
                        message.result = "ok";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.failure = $root.escrin.SsssFailure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                        message.result = "failure";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssResponse message.
         * @function verify
         * @memberof escrin.SsssResponse
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssResponse.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.share != null && $Object.hasOwnProperty.call(message, "share")) {
                properties.result = 1;
                {
                    let error = $root.escrin.SsssShare.verify(message.share, _depth + 1);
                    if (error)
                        return "share." + error;
                }
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                if (typeof message.ok !== "boolean")
                    return "ok: boolean expected";
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.SsssFailure.verify(message.failure, _depth + 1);
                    if (error)
                        return "failure." + error;
                }
            }
            return null;
        };

        /**
         * Creates a SsssResponse message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssResponse
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssResponse} SsssResponse
         */
        SsssResponse.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssResponse)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssResponse: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssResponse();
            if (object.share != null) {
                if (!$util.isObject(object.share))
                    throw $TypeError(".escrin.SsssResponse.share: object expected");
                message.share = $root.escrin.SsssShare.fromObject(object.share, _depth + 1);
            }
            if (object.ok != null)
                message.ok = $Boolean(object.ok);
            if (object.failure != null) {
                if (!$util.isObject(object.failure))
                    throw $TypeError(".escrin.SsssResponse.failure: object expected");
                message.failure = $root.escrin.SsssFailure.fromObject(object.failure, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a SsssResponse message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssResponse
         * @static
         * @param {escrin.SsssResponse} message SsssResponse
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssResponse.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.share != null && $Object.hasOwnProperty.call(message, "share")) {
                object.share = $root.escrin.SsssShare.toObject(message.share, options, _depth + 1);
                if (options.oneofs)
                    object.result = "share";
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                object.ok = message.ok;
                if (options.oneofs)
                    object.result = "ok";
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                object.failure = $root.escrin.SsssFailure.toObject(message.failure, options, _depth + 1);
                if (options.oneofs)
                    object.result = "failure";
            }
            return object;
        };

        /**
         * Converts this SsssResponse to JSON.
         * @function toJSON
         * @memberof escrin.SsssResponse
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssResponse.prototype.toJSON = function() {
            return SsssResponse.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssResponse;
    })();

    escrin.SsssCall = (function() {

        /**
         * Properties of a SsssCall.
         * @typedef {Object} escrin.SsssCall.$Properties
         * @property {number|null} [id] SsssCall id
         * @property {Uint8Array|null} [request] SsssCall request
         * @property {Uint8Array|null} [knownSpec] SsssCall knownSpec
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssCall.
         * @memberof escrin
         * @interface ISsssCall
         * @augments escrin.SsssCall.$Properties
         * @deprecated Use escrin.SsssCall.$Properties instead.
         */

        /**
         * Shape of a SsssCall.
         * @typedef {escrin.SsssCall.$Properties} escrin.SsssCall.$Shape
         */

        /**
         * Constructs a new SsssCall.
         * @memberof escrin
         * @classdesc Represents a SsssCall.
         * @constructor
         * @param {escrin.SsssCall.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssCall = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssCall id.
         * @member {number} id
         * @memberof escrin.SsssCall
         * @instance
         */
        SsssCall.prototype.id = 0;

        /**
         * SsssCall request.
         * @member {Uint8Array} request
         * @memberof escrin.SsssCall
         * @instance
         */
        SsssCall.prototype.request = $util.newBuffer([]);

        /**
         * SsssCall knownSpec.
         * @member {Uint8Array} knownSpec
         * @memberof escrin.SsssCall
         * @instance
         */
        SsssCall.prototype.knownSpec = $util.newBuffer([]);

        /**
         * Creates a new SsssCall instance using the specified properties.
         * @function create
         * @memberof escrin.SsssCall
         * @static
         * @param {escrin.SsssCall.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssCall} SsssCall instance
         * @type {{
         *   (properties: escrin.SsssCall.$Shape): escrin.SsssCall & escrin.SsssCall.$Shape;
         *   (properties?: escrin.SsssCall.$Properties): escrin.SsssCall;
         * }}
         */
        SsssCall.create = function(properties) {
            return new SsssCall(properties);
        };

        /**
         * Encodes the specified SsssCall message. Does not implicitly {@link escrin.SsssCall.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssCall
         * @static
         * @param {escrin.SsssCall.$Properties} message SsssCall message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssCall.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
            if (message.request != null && $Object.hasOwnProperty.call(message, "request") && message.request.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.request);
            if (message.knownSpec != null && $Object.hasOwnProperty.call(message, "knownSpec") && message.knownSpec.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.knownSpec);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssCall message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssCall
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssCall & escrin.SsssCall.$Shape} SsssCall
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssCall.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssCall();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.request = value;
                        else
                            delete message.request;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.knownSpec = value;
                        else
                            delete message.knownSpec;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssCall message.
         * @function verify
         * @memberof escrin.SsssCall
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssCall.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                if (!$util.isInteger(message.id))
                    return "id: integer expected";
            if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                if (!(message.request && typeof message.request.length === "number" || $util.isString(message.request)))
                    return "request: buffer expected";
            if (message.knownSpec != null && $Object.hasOwnProperty.call(message, "knownSpec"))
                if (!(message.knownSpec && typeof message.knownSpec.length === "number" || $util.isString(message.knownSpec)))
                    return "knownSpec: buffer expected";
            return null;
        };

        /**
         * Creates a SsssCall message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssCall
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssCall} SsssCall
         */
        SsssCall.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssCall)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssCall: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssCall();
            if (object.id != null)
                if ($Number(object.id) !== 0)
                    message.id = object.id >>> 0;
            if (object.request != null)
                if (object.request.length)
                    if (typeof object.request === "string")
                        $util.base64.decode(object.request, message.request = $util.newBuffer($util.base64.length(object.request)), 0);
                    else if (object.request.length >= 0)
                        message.request = object.request;
            if (object.knownSpec != null)
                if (object.knownSpec.length)
                    if (typeof object.knownSpec === "string")
                        $util.base64.decode(object.knownSpec, message.knownSpec = $util.newBuffer($util.base64.length(object.knownSpec)), 0);
                    else if (object.knownSpec.length >= 0)
                        message.knownSpec = object.knownSpec;
            return message;
        };

        /**
         * Creates a plain object from a SsssCall message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssCall
         * @static
         * @param {escrin.SsssCall} message SsssCall
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssCall.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.id = 0;
                if (options.bytes === $String)
                    object.request = "";
                else {
                    object.request = [];
                    if (options.bytes !== $Array)
                        object.request = $util.newBuffer(object.request);
                }
                if (options.bytes === $String)
                    object.knownSpec = "";
                else {
                    object.knownSpec = [];
                    if (options.bytes !== $Array)
                        object.knownSpec = $util.newBuffer(object.knownSpec);
                }
            }
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                object.id = message.id;
            if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                object.request = options.bytes === $String ? $util.base64.encode(message.request, 0, message.request.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.request) : message.request;
            if (message.knownSpec != null && $Object.hasOwnProperty.call(message, "knownSpec"))
                object.knownSpec = options.bytes === $String ? $util.base64.encode(message.knownSpec, 0, message.knownSpec.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.knownSpec) : message.knownSpec;
            return object;
        };

        /**
         * Converts this SsssCall to JSON.
         * @function toJSON
         * @memberof escrin.SsssCall
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssCall.prototype.toJSON = function() {
            return SsssCall.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssCall;
    })();

    escrin.SsssReply = (function() {

        /**
         * Properties of a SsssReply.
         * @typedef {Object} escrin.SsssReply.$Properties
         * @property {number|null} [id] SsssReply id
         * @property {Uint8Array|null} [response] SsssReply response
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssReply.
         * @memberof escrin
         * @interface ISsssReply
         * @augments escrin.SsssReply.$Properties
         * @deprecated Use escrin.SsssReply.$Properties instead.
         */

        /**
         * Shape of a SsssReply.
         * @typedef {escrin.SsssReply.$Properties} escrin.SsssReply.$Shape
         */

        /**
         * Constructs a new SsssReply.
         * @memberof escrin
         * @classdesc Represents a SsssReply.
         * @constructor
         * @param {escrin.SsssReply.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssReply = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssReply id.
         * @member {number} id
         * @memberof escrin.SsssReply
         * @instance
         */
        SsssReply.prototype.id = 0;

        /**
         * SsssReply response.
         * @member {Uint8Array} response
         * @memberof escrin.SsssReply
         * @instance
         */
        SsssReply.prototype.response = $util.newBuffer([]);

        /**
         * Creates a new SsssReply instance using the specified properties.
         * @function create
         * @memberof escrin.SsssReply
         * @static
         * @param {escrin.SsssReply.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssReply} SsssReply instance
         * @type {{
         *   (properties: escrin.SsssReply.$Shape): escrin.SsssReply & escrin.SsssReply.$Shape;
         *   (properties?: escrin.SsssReply.$Properties): escrin.SsssReply;
         * }}
         */
        SsssReply.create = function(properties) {
            return new SsssReply(properties);
        };

        /**
         * Encodes the specified SsssReply message. Does not implicitly {@link escrin.SsssReply.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssReply
         * @static
         * @param {escrin.SsssReply.$Properties} message SsssReply message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssReply.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
            if (message.response != null && $Object.hasOwnProperty.call(message, "response") && message.response.length)
                writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.response);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssReply message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssReply
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssReply & escrin.SsssReply.$Shape} SsssReply
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssReply.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssReply();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.id = value;
                        else
                            delete message.id;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.response = value;
                        else
                            delete message.response;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssReply message.
         * @function verify
         * @memberof escrin.SsssReply
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssReply.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                if (!$util.isInteger(message.id))
                    return "id: integer expected";
            if (message.response != null && $Object.hasOwnProperty.call(message, "response"))
                if (!(message.response && typeof message.response.length === "number" || $util.isString(message.response)))
                    return "response: buffer expected";
            return null;
        };

        /**
         * Creates a SsssReply message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssReply
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssReply} SsssReply
         */
        SsssReply.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssReply)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssReply: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssReply();
            if (object.id != null)
                if ($Number(object.id) !== 0)
                    message.id = object.id >>> 0;
            if (object.response != null)
                if (object.response.length)
                    if (typeof object.response === "string")
                        $util.base64.decode(object.response, message.response = $util.newBuffer($util.base64.length(object.response)), 0);
                    else if (object.response.length >= 0)
                        message.response = object.response;
            return message;
        };

        /**
         * Creates a plain object from a SsssReply message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssReply
         * @static
         * @param {escrin.SsssReply} message SsssReply
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssReply.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.id = 0;
                if (options.bytes === $String)
                    object.response = "";
                else {
                    object.response = [];
                    if (options.bytes !== $Array)
                        object.response = $util.newBuffer(object.response);
                }
            }
            if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                object.id = message.id;
            if (message.response != null && $Object.hasOwnProperty.call(message, "response"))
                object.response = options.bytes === $String ? $util.base64.encode(message.response, 0, message.response.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.response) : message.response;
            return object;
        };

        /**
         * Converts this SsssReply to JSON.
         * @function toJSON
         * @memberof escrin.SsssReply
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssReply.prototype.toJSON = function() {
            return SsssReply.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssReply;
    })();

    escrin.SsssFailure = (function() {

        /**
         * Properties of a SsssFailure.
         * @typedef {Object} escrin.SsssFailure.$Properties
         * @property {escrin.SsssErrorCode|null} [code] SsssFailure code
         * @property {string|null} [message] SsssFailure message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SsssFailure.
         * @memberof escrin
         * @interface ISsssFailure
         * @augments escrin.SsssFailure.$Properties
         * @deprecated Use escrin.SsssFailure.$Properties instead.
         */

        /**
         * Shape of a SsssFailure.
         * @typedef {escrin.SsssFailure.$Properties} escrin.SsssFailure.$Shape
         */

        /**
         * Constructs a new SsssFailure.
         * @memberof escrin
         * @classdesc Represents a SsssFailure.
         * @constructor
         * @param {escrin.SsssFailure.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SsssFailure = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * SsssFailure code.
         * @member {escrin.SsssErrorCode} code
         * @memberof escrin.SsssFailure
         * @instance
         */
        SsssFailure.prototype.code = 0;

        /**
         * SsssFailure message.
         * @member {string} message
         * @memberof escrin.SsssFailure
         * @instance
         */
        SsssFailure.prototype.message = "";

        /**
         * Creates a new SsssFailure instance using the specified properties.
         * @function create
         * @memberof escrin.SsssFailure
         * @static
         * @param {escrin.SsssFailure.$Properties=} [properties] Properties to set
         * @returns {escrin.SsssFailure} SsssFailure instance
         * @type {{
         *   (properties: escrin.SsssFailure.$Shape): escrin.SsssFailure & escrin.SsssFailure.$Shape;
         *   (properties?: escrin.SsssFailure.$Properties): escrin.SsssFailure;
         * }}
         */
        SsssFailure.create = function(properties) {
            return new SsssFailure(properties);
        };

        /**
         * Encodes the specified SsssFailure message. Does not implicitly {@link escrin.SsssFailure.verify|verify} messages.
         * @function encode
         * @memberof escrin.SsssFailure
         * @static
         * @param {escrin.SsssFailure.$Properties} message SsssFailure message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SsssFailure.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a SsssFailure message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.SsssFailure
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.SsssFailure & escrin.SsssFailure.$Shape} SsssFailure
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SsssFailure.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.SsssFailure();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a SsssFailure message.
         * @function verify
         * @memberof escrin.SsssFailure
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SsssFailure.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                if (typeof message.code !== "number" || (message.code | 0) !== message.code)
                    return "code: enum value expected";
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                if (!$util.isString(message.message))
                    return "message: string expected";
            return null;
        };

        /**
         * Creates a SsssFailure message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.SsssFailure
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.SsssFailure} SsssFailure
         */
        SsssFailure.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.SsssFailure)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.SsssFailure: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.SsssFailure();
            if (object.code !== 0 && (typeof object.code !== "string" || $root.escrin.SsssErrorCode[object.code] !== 0))
                switch (object.code) {
                case "SSSS_ERROR_UNSPECIFIED":
                case 0:
                    message.code = 0;
                    break;
                case "SSSS_MALFORMED":
                case 1:
                    message.code = 1;
                    break;
                case "SSSS_BAD_SIGNATURE":
                case 2:
                    message.code = 2;
                    break;
                case "SSSS_NOT_IN_CUSTODY":
                case 3:
                    message.code = 3;
                    break;
                case "SSSS_NOT_IN_SCOPE":
                case 4:
                    message.code = 4;
                    break;
                case "SSSS_STALE_REQUEST":
                case 5:
                    message.code = 5;
                    break;
                case "SSSS_REPLAYED":
                case 6:
                    message.code = 6;
                    break;
                case "SSSS_UNKNOWN_SECRET":
                case 7:
                    message.code = 7;
                    break;
                case "SSSS_BAD_SHARE":
                case 8:
                    message.code = 8;
                    break;
                case "SSSS_VERSION_CONFLICT":
                case 9:
                    message.code = 9;
                    break;
                case "SSSS_INTERNAL":
                case 10:
                    message.code = 10;
                    break;
                case "SSSS_RATE_LIMITED":
                case 11:
                    message.code = 11;
                    break;
                default:
                    if (typeof object.code === "number" && (object.code | 0) === object.code)
                        message.code = object.code;
                }
            if (object.message != null)
                if (typeof object.message !== "string" || object.message.length)
                    message.message = $String(object.message);
            return message;
        };

        /**
         * Creates a plain object from a SsssFailure message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.SsssFailure
         * @static
         * @param {escrin.SsssFailure} message SsssFailure
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SsssFailure.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.code = options.enums === $String ? "SSSS_ERROR_UNSPECIFIED" : 0;
                object.message = "";
            }
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                object.code = options.enums === $String ? $root.escrin.SsssErrorCode[message.code] === $undefined ? message.code : $root.escrin.SsssErrorCode[message.code] : message.code;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            return object;
        };

        /**
         * Converts this SsssFailure to JSON.
         * @function toJSON
         * @memberof escrin.SsssFailure
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SsssFailure.prototype.toJSON = function() {
            return SsssFailure.toObject(this, $protobuf.util.toJSONOptions);
        };

        return SsssFailure;
    })();

    /**
     * SsssErrorCode enum.
     * @name escrin.SsssErrorCode
     * @enum {number}
     * @property {number} SSSS_ERROR_UNSPECIFIED=0 SSSS_ERROR_UNSPECIFIED value
     * @property {number} SSSS_MALFORMED=1 SSSS_MALFORMED value
     * @property {number} SSSS_BAD_SIGNATURE=2 SSSS_BAD_SIGNATURE value
     * @property {number} SSSS_NOT_IN_CUSTODY=3 SSSS_NOT_IN_CUSTODY value
     * @property {number} SSSS_NOT_IN_SCOPE=4 SSSS_NOT_IN_SCOPE value
     * @property {number} SSSS_STALE_REQUEST=5 SSSS_STALE_REQUEST value
     * @property {number} SSSS_REPLAYED=6 SSSS_REPLAYED value
     * @property {number} SSSS_UNKNOWN_SECRET=7 SSSS_UNKNOWN_SECRET value
     * @property {number} SSSS_BAD_SHARE=8 SSSS_BAD_SHARE value
     * @property {number} SSSS_VERSION_CONFLICT=9 SSSS_VERSION_CONFLICT value
     * @property {number} SSSS_INTERNAL=10 SSSS_INTERNAL value
     * @property {number} SSSS_RATE_LIMITED=11 SSSS_RATE_LIMITED value
     */
    escrin.SsssErrorCode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "SSSS_ERROR_UNSPECIFIED"] = 0;
        values[valuesById[1] = "SSSS_MALFORMED"] = 1;
        values[valuesById[2] = "SSSS_BAD_SIGNATURE"] = 2;
        values[valuesById[3] = "SSSS_NOT_IN_CUSTODY"] = 3;
        values[valuesById[4] = "SSSS_NOT_IN_SCOPE"] = 4;
        values[valuesById[5] = "SSSS_STALE_REQUEST"] = 5;
        values[valuesById[6] = "SSSS_REPLAYED"] = 6;
        values[valuesById[7] = "SSSS_UNKNOWN_SECRET"] = 7;
        values[valuesById[8] = "SSSS_BAD_SHARE"] = 8;
        values[valuesById[9] = "SSSS_VERSION_CONFLICT"] = 9;
        values[valuesById[10] = "SSSS_INTERNAL"] = 10;
        values[valuesById[11] = "SSSS_RATE_LIMITED"] = 11;
        return values;
    })();

    escrin.BlobPut = (function() {

        /**
         * Properties of a BlobPut.
         * @typedef {Object} escrin.BlobPut.$Properties
         * @property {string|null} [policyId] BlobPut policyId
         * @property {number|Long|null} [size] BlobPut size
         * @property {Array.<Uint8Array>|null} [replicas] BlobPut replicas
         * @property {Uint8Array|null} [cid] BlobPut cid
         * @property {number|Long|null} [createdAtMs] BlobPut createdAtMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobPut.
         * @memberof escrin
         * @interface IBlobPut
         * @augments escrin.BlobPut.$Properties
         * @deprecated Use escrin.BlobPut.$Properties instead.
         */

        /**
         * Shape of a BlobPut.
         * @typedef {escrin.BlobPut.$Properties} escrin.BlobPut.$Shape
         */

        /**
         * Constructs a new BlobPut.
         * @memberof escrin
         * @classdesc Represents a BlobPut.
         * @constructor
         * @param {escrin.BlobPut.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobPut = function (properties) {
            this.replicas = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobPut policyId.
         * @member {string} policyId
         * @memberof escrin.BlobPut
         * @instance
         */
        BlobPut.prototype.policyId = "";

        /**
         * BlobPut size.
         * @member {number|Long} size
         * @memberof escrin.BlobPut
         * @instance
         */
        BlobPut.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * BlobPut replicas.
         * @member {Array.<Uint8Array>} replicas
         * @memberof escrin.BlobPut
         * @instance
         */
        BlobPut.prototype.replicas = $util.emptyArray;

        /**
         * BlobPut cid.
         * @member {Uint8Array} cid
         * @memberof escrin.BlobPut
         * @instance
         */
        BlobPut.prototype.cid = $util.newBuffer([]);

        /**
         * BlobPut createdAtMs.
         * @member {number|Long} createdAtMs
         * @memberof escrin.BlobPut
         * @instance
         */
        BlobPut.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new BlobPut instance using the specified properties.
         * @function create
         * @memberof escrin.BlobPut
         * @static
         * @param {escrin.BlobPut.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobPut} BlobPut instance
         * @type {{
         *   (properties: escrin.BlobPut.$Shape): escrin.BlobPut & escrin.BlobPut.$Shape;
         *   (properties?: escrin.BlobPut.$Properties): escrin.BlobPut;
         * }}
         */
        BlobPut.create = function(properties) {
            return new BlobPut(properties);
        };

        /**
         * Encodes the specified BlobPut message. Does not implicitly {@link escrin.BlobPut.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobPut
         * @static
         * @param {escrin.BlobPut.$Properties} message BlobPut message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobPut.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId") && message.policyId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.policyId);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
            if (message.replicas != null && message.replicas.length)
                for (let i = 0; i < message.replicas.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.replicas[i]);
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid") && message.cid.length)
                writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.cid);
            if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs") && (typeof message.createdAtMs === "object" ? message.createdAtMs.low || message.createdAtMs.high : message.createdAtMs !== 0))
                writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.createdAtMs);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobPut message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobPut
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobPut & escrin.BlobPut.$Shape} BlobPut
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobPut.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobPut();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.policyId = value;
                        else
                            delete message.policyId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.replicas && message.replicas.length))
                            message.replicas = [];
                        message.replicas.push(reader.bytes());
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.cid = value;
                        else
                            delete message.cid;
                        continue;
                    }
                case 5: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.createdAtMs = value;
                        else
                            delete message.createdAtMs;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobPut message.
         * @function verify
         * @memberof escrin.BlobPut
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobPut.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                if (!$util.isString(message.policyId))
                    return "policyId: string expected";
            if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                if (!$util.isInteger(message.size) && !(message.size && $util.isInteger(message.size.low) && $util.isInteger(message.size.high)))
                    return "size: integer|Long expected";
            if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas")) {
                if (!$Array.isArray(message.replicas))
                    return "replicas: array expected";
                for (let i = 0; i < message.replicas.length; ++i)
                    if (!(message.replicas[i] && typeof message.replicas[i].length === "number" || $util.isString(message.replicas[i])))
                        return "replicas: buffer[] expected";
            }
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                if (!(message.cid && typeof message.cid.length === "number" || $util.isString(message.cid)))
                    return "cid: buffer expected";
            if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs"))
                if (!$util.isInteger(message.createdAtMs) && !(message.createdAtMs && $util.isInteger(message.createdAtMs.low) && $util.isInteger(message.createdAtMs.high)))
                    return "createdAtMs: integer|Long expected";
            return null;
        };

        /**
         * Creates a BlobPut message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobPut
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobPut} BlobPut
         */
        BlobPut.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobPut)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobPut: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobPut();
            if (object.policyId != null)
                if (typeof object.policyId !== "string" || object.policyId.length)
                    message.policyId = $String(object.policyId);
            if (object.size != null)
                if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                    if ($util.Long)
                        message.size = $util.Long.fromValue(object.size, true);
                    else if (typeof object.size === "string")
                        message.size = $parseInt(object.size, 10);
                    else if (typeof object.size === "number")
                        message.size = object.size;
                    else if (typeof object.size === "object")
                        message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
            if (object.replicas) {
                if (!$Array.isArray(object.replicas))
                    throw $TypeError(".escrin.BlobPut.replicas: array expected");
                message.replicas = $Array(object.replicas.length);
                for (let i = 0; i < object.replicas.length; ++i)
                    if (typeof object.replicas[i] === "string")
                        $util.base64.decode(object.replicas[i], message.replicas[i] = $util.newBuffer($util.base64.length(object.replicas[i])), 0);
                    else if (object.replicas[i].length >= 0)
                        message.replicas[i] = object.replicas[i];
            }
            if (object.cid != null)
                if (object.cid.length)
                    if (typeof object.cid === "string")
                        $util.base64.decode(object.cid, message.cid = $util.newBuffer($util.base64.length(object.cid)), 0);
                    else if (object.cid.length >= 0)
                        message.cid = object.cid;
            if (object.createdAtMs != null)
                if (typeof object.createdAtMs === "object" ? object.createdAtMs.low || object.createdAtMs.high : $Number(object.createdAtMs) !== 0)
                    if ($util.Long)
                        message.createdAtMs = $util.Long.fromValue(object.createdAtMs, true);
                    else if (typeof object.createdAtMs === "string")
                        message.createdAtMs = $parseInt(object.createdAtMs, 10);
                    else if (typeof object.createdAtMs === "number")
                        message.createdAtMs = object.createdAtMs;
                    else if (typeof object.createdAtMs === "object")
                        message.createdAtMs = new $util.LongBits(object.createdAtMs.low >>> 0, object.createdAtMs.high >>> 0).toNumber(true);
            return message;
        };

        /**
         * Creates a plain object from a BlobPut message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobPut
         * @static
         * @param {escrin.BlobPut} message BlobPut
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobPut.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.replicas = [];
            if (options.defaults) {
                object.policyId = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.cid = "";
                else {
                    object.cid = [];
                    if (options.bytes !== $Array)
                        object.cid = $util.newBuffer(object.cid);
                }
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.createdAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.createdAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                object.policyId = message.policyId;
            if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                else if (typeof message.size === "number")
                    object.size = options.longs === $String ? $String(message.size) : message.size;
                else
                    object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
            if (message.replicas && message.replicas.length) {
                object.replicas = $Array(message.replicas.length);
                for (let j = 0; j < message.replicas.length; ++j)
                    object.replicas[j] = options.bytes === $String ? $util.base64.encode(message.replicas[j], 0, message.replicas[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.replicas[j]) : message.replicas[j];
            }
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                object.cid = options.bytes === $String ? $util.base64.encode(message.cid, 0, message.cid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cid) : message.cid;
            if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.createdAtMs = typeof message.createdAtMs === "number" ? $BigInt(message.createdAtMs) : $util.Long.fromBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0, true).toBigInt();
                else if (typeof message.createdAtMs === "number")
                    object.createdAtMs = options.longs === $String ? $String(message.createdAtMs) : message.createdAtMs;
                else
                    object.createdAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAtMs) : options.longs === $Number ? new $util.LongBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0).toNumber(true) : message.createdAtMs;
            return object;
        };

        /**
         * Converts this BlobPut to JSON.
         * @function toJSON
         * @memberof escrin.BlobPut
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobPut.prototype.toJSON = function() {
            return BlobPut.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobPut;
    })();

    escrin.BlobGet = (function() {

        /**
         * Properties of a BlobGet.
         * @typedef {Object} escrin.BlobGet.$Properties
         * @property {Uint8Array|null} [cid] BlobGet cid
         * @property {number|null} [fromChunk] BlobGet fromChunk
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobGet.
         * @memberof escrin
         * @interface IBlobGet
         * @augments escrin.BlobGet.$Properties
         * @deprecated Use escrin.BlobGet.$Properties instead.
         */

        /**
         * Shape of a BlobGet.
         * @typedef {escrin.BlobGet.$Properties} escrin.BlobGet.$Shape
         */

        /**
         * Constructs a new BlobGet.
         * @memberof escrin
         * @classdesc Represents a BlobGet.
         * @constructor
         * @param {escrin.BlobGet.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobGet = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobGet cid.
         * @member {Uint8Array} cid
         * @memberof escrin.BlobGet
         * @instance
         */
        BlobGet.prototype.cid = $util.newBuffer([]);

        /**
         * BlobGet fromChunk.
         * @member {number} fromChunk
         * @memberof escrin.BlobGet
         * @instance
         */
        BlobGet.prototype.fromChunk = 0;

        /**
         * Creates a new BlobGet instance using the specified properties.
         * @function create
         * @memberof escrin.BlobGet
         * @static
         * @param {escrin.BlobGet.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobGet} BlobGet instance
         * @type {{
         *   (properties: escrin.BlobGet.$Shape): escrin.BlobGet & escrin.BlobGet.$Shape;
         *   (properties?: escrin.BlobGet.$Properties): escrin.BlobGet;
         * }}
         */
        BlobGet.create = function(properties) {
            return new BlobGet(properties);
        };

        /**
         * Encodes the specified BlobGet message. Does not implicitly {@link escrin.BlobGet.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobGet
         * @static
         * @param {escrin.BlobGet.$Properties} message BlobGet message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobGet.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid") && message.cid.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cid);
            if (message.fromChunk != null && $Object.hasOwnProperty.call(message, "fromChunk") && message.fromChunk !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.fromChunk);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobGet message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobGet
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobGet & escrin.BlobGet.$Shape} BlobGet
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobGet.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobGet();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.cid = value;
                        else
                            delete message.cid;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.fromChunk = value;
                        else
                            delete message.fromChunk;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobGet message.
         * @function verify
         * @memberof escrin.BlobGet
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobGet.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                if (!(message.cid && typeof message.cid.length === "number" || $util.isString(message.cid)))
                    return "cid: buffer expected";
            if (message.fromChunk != null && $Object.hasOwnProperty.call(message, "fromChunk"))
                if (!$util.isInteger(message.fromChunk))
                    return "fromChunk: integer expected";
            return null;
        };

        /**
         * Creates a BlobGet message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobGet
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobGet} BlobGet
         */
        BlobGet.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobGet)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobGet: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobGet();
            if (object.cid != null)
                if (object.cid.length)
                    if (typeof object.cid === "string")
                        $util.base64.decode(object.cid, message.cid = $util.newBuffer($util.base64.length(object.cid)), 0);
                    else if (object.cid.length >= 0)
                        message.cid = object.cid;
            if (object.fromChunk != null)
                if ($Number(object.fromChunk) !== 0)
                    message.fromChunk = object.fromChunk >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a BlobGet message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobGet
         * @static
         * @param {escrin.BlobGet} message BlobGet
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobGet.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                if (options.bytes === $String)
                    object.cid = "";
                else {
                    object.cid = [];
                    if (options.bytes !== $Array)
                        object.cid = $util.newBuffer(object.cid);
                }
                object.fromChunk = 0;
            }
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                object.cid = options.bytes === $String ? $util.base64.encode(message.cid, 0, message.cid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cid) : message.cid;
            if (message.fromChunk != null && $Object.hasOwnProperty.call(message, "fromChunk"))
                object.fromChunk = message.fromChunk;
            return object;
        };

        /**
         * Converts this BlobGet to JSON.
         * @function toJSON
         * @memberof escrin.BlobGet
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobGet.prototype.toJSON = function() {
            return BlobGet.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobGet;
    })();

    escrin.BlobHas = (function() {

        /**
         * Properties of a BlobHas.
         * @typedef {Object} escrin.BlobHas.$Properties
         * @property {Array.<Uint8Array>|null} [cids] BlobHas cids
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobHas.
         * @memberof escrin
         * @interface IBlobHas
         * @augments escrin.BlobHas.$Properties
         * @deprecated Use escrin.BlobHas.$Properties instead.
         */

        /**
         * Shape of a BlobHas.
         * @typedef {escrin.BlobHas.$Properties} escrin.BlobHas.$Shape
         */

        /**
         * Constructs a new BlobHas.
         * @memberof escrin
         * @classdesc Represents a BlobHas.
         * @constructor
         * @param {escrin.BlobHas.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobHas = function (properties) {
            this.cids = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobHas cids.
         * @member {Array.<Uint8Array>} cids
         * @memberof escrin.BlobHas
         * @instance
         */
        BlobHas.prototype.cids = $util.emptyArray;

        /**
         * Creates a new BlobHas instance using the specified properties.
         * @function create
         * @memberof escrin.BlobHas
         * @static
         * @param {escrin.BlobHas.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobHas} BlobHas instance
         * @type {{
         *   (properties: escrin.BlobHas.$Shape): escrin.BlobHas & escrin.BlobHas.$Shape;
         *   (properties?: escrin.BlobHas.$Properties): escrin.BlobHas;
         * }}
         */
        BlobHas.create = function(properties) {
            return new BlobHas(properties);
        };

        /**
         * Encodes the specified BlobHas message. Does not implicitly {@link escrin.BlobHas.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobHas
         * @static
         * @param {escrin.BlobHas.$Properties} message BlobHas message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobHas.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cids != null && message.cids.length)
                for (let i = 0; i < message.cids.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cids[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobHas message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobHas
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobHas & escrin.BlobHas.$Shape} BlobHas
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobHas.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobHas();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.cids && message.cids.length))
                            message.cids = [];
                        message.cids.push(reader.bytes());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobHas message.
         * @function verify
         * @memberof escrin.BlobHas
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobHas.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cids != null && $Object.hasOwnProperty.call(message, "cids")) {
                if (!$Array.isArray(message.cids))
                    return "cids: array expected";
                for (let i = 0; i < message.cids.length; ++i)
                    if (!(message.cids[i] && typeof message.cids[i].length === "number" || $util.isString(message.cids[i])))
                        return "cids: buffer[] expected";
            }
            return null;
        };

        /**
         * Creates a BlobHas message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobHas
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobHas} BlobHas
         */
        BlobHas.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobHas)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobHas: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobHas();
            if (object.cids) {
                if (!$Array.isArray(object.cids))
                    throw $TypeError(".escrin.BlobHas.cids: array expected");
                message.cids = $Array(object.cids.length);
                for (let i = 0; i < object.cids.length; ++i)
                    if (typeof object.cids[i] === "string")
                        $util.base64.decode(object.cids[i], message.cids[i] = $util.newBuffer($util.base64.length(object.cids[i])), 0);
                    else if (object.cids[i].length >= 0)
                        message.cids[i] = object.cids[i];
            }
            return message;
        };

        /**
         * Creates a plain object from a BlobHas message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobHas
         * @static
         * @param {escrin.BlobHas} message BlobHas
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobHas.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.cids = [];
            if (message.cids && message.cids.length) {
                object.cids = $Array(message.cids.length);
                for (let j = 0; j < message.cids.length; ++j)
                    object.cids[j] = options.bytes === $String ? $util.base64.encode(message.cids[j], 0, message.cids[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cids[j]) : message.cids[j];
            }
            return object;
        };

        /**
         * Converts this BlobHas to JSON.
         * @function toJSON
         * @memberof escrin.BlobHas
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobHas.prototype.toJSON = function() {
            return BlobHas.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobHas;
    })();

    escrin.BlobReplicas = (function() {

        /**
         * Properties of a BlobReplicas.
         * @typedef {Object} escrin.BlobReplicas.$Properties
         * @property {Uint8Array|null} [cid] BlobReplicas cid
         * @property {Array.<Uint8Array>|null} [replicas] BlobReplicas replicas
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobReplicas.
         * @memberof escrin
         * @interface IBlobReplicas
         * @augments escrin.BlobReplicas.$Properties
         * @deprecated Use escrin.BlobReplicas.$Properties instead.
         */

        /**
         * Shape of a BlobReplicas.
         * @typedef {escrin.BlobReplicas.$Properties} escrin.BlobReplicas.$Shape
         */

        /**
         * Constructs a new BlobReplicas.
         * @memberof escrin
         * @classdesc Represents a BlobReplicas.
         * @constructor
         * @param {escrin.BlobReplicas.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobReplicas = function (properties) {
            this.replicas = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobReplicas cid.
         * @member {Uint8Array} cid
         * @memberof escrin.BlobReplicas
         * @instance
         */
        BlobReplicas.prototype.cid = $util.newBuffer([]);

        /**
         * BlobReplicas replicas.
         * @member {Array.<Uint8Array>} replicas
         * @memberof escrin.BlobReplicas
         * @instance
         */
        BlobReplicas.prototype.replicas = $util.emptyArray;

        /**
         * Creates a new BlobReplicas instance using the specified properties.
         * @function create
         * @memberof escrin.BlobReplicas
         * @static
         * @param {escrin.BlobReplicas.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobReplicas} BlobReplicas instance
         * @type {{
         *   (properties: escrin.BlobReplicas.$Shape): escrin.BlobReplicas & escrin.BlobReplicas.$Shape;
         *   (properties?: escrin.BlobReplicas.$Properties): escrin.BlobReplicas;
         * }}
         */
        BlobReplicas.create = function(properties) {
            return new BlobReplicas(properties);
        };

        /**
         * Encodes the specified BlobReplicas message. Does not implicitly {@link escrin.BlobReplicas.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobReplicas
         * @static
         * @param {escrin.BlobReplicas.$Properties} message BlobReplicas message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobReplicas.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid") && message.cid.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cid);
            if (message.replicas != null && message.replicas.length)
                for (let i = 0; i < message.replicas.length; ++i)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.replicas[i]);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobReplicas message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobReplicas
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobReplicas & escrin.BlobReplicas.$Shape} BlobReplicas
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobReplicas.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobReplicas();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.cid = value;
                        else
                            delete message.cid;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.replicas && message.replicas.length))
                            message.replicas = [];
                        message.replicas.push(reader.bytes());
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobReplicas message.
         * @function verify
         * @memberof escrin.BlobReplicas
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobReplicas.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                if (!(message.cid && typeof message.cid.length === "number" || $util.isString(message.cid)))
                    return "cid: buffer expected";
            if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas")) {
                if (!$Array.isArray(message.replicas))
                    return "replicas: array expected";
                for (let i = 0; i < message.replicas.length; ++i)
                    if (!(message.replicas[i] && typeof message.replicas[i].length === "number" || $util.isString(message.replicas[i])))
                        return "replicas: buffer[] expected";
            }
            return null;
        };

        /**
         * Creates a BlobReplicas message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobReplicas
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobReplicas} BlobReplicas
         */
        BlobReplicas.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobReplicas)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobReplicas: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobReplicas();
            if (object.cid != null)
                if (object.cid.length)
                    if (typeof object.cid === "string")
                        $util.base64.decode(object.cid, message.cid = $util.newBuffer($util.base64.length(object.cid)), 0);
                    else if (object.cid.length >= 0)
                        message.cid = object.cid;
            if (object.replicas) {
                if (!$Array.isArray(object.replicas))
                    throw $TypeError(".escrin.BlobReplicas.replicas: array expected");
                message.replicas = $Array(object.replicas.length);
                for (let i = 0; i < object.replicas.length; ++i)
                    if (typeof object.replicas[i] === "string")
                        $util.base64.decode(object.replicas[i], message.replicas[i] = $util.newBuffer($util.base64.length(object.replicas[i])), 0);
                    else if (object.replicas[i].length >= 0)
                        message.replicas[i] = object.replicas[i];
            }
            return message;
        };

        /**
         * Creates a plain object from a BlobReplicas message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobReplicas
         * @static
         * @param {escrin.BlobReplicas} message BlobReplicas
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobReplicas.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.replicas = [];
            if (options.defaults)
                if (options.bytes === $String)
                    object.cid = "";
                else {
                    object.cid = [];
                    if (options.bytes !== $Array)
                        object.cid = $util.newBuffer(object.cid);
                }
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                object.cid = options.bytes === $String ? $util.base64.encode(message.cid, 0, message.cid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cid) : message.cid;
            if (message.replicas && message.replicas.length) {
                object.replicas = $Array(message.replicas.length);
                for (let j = 0; j < message.replicas.length; ++j)
                    object.replicas[j] = options.bytes === $String ? $util.base64.encode(message.replicas[j], 0, message.replicas[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.replicas[j]) : message.replicas[j];
            }
            return object;
        };

        /**
         * Converts this BlobReplicas to JSON.
         * @function toJSON
         * @memberof escrin.BlobReplicas
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobReplicas.prototype.toJSON = function() {
            return BlobReplicas.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobReplicas;
    })();

    escrin.BlobDeletion = (function() {

        /**
         * Properties of a BlobDeletion.
         * @typedef {Object} escrin.BlobDeletion.$Properties
         * @property {Uint8Array|null} [owner] BlobDeletion owner
         * @property {string|null} [app] BlobDeletion app
         * @property {Array.<Uint8Array>|null} [cids] BlobDeletion cids
         * @property {number|Long|null} [issuedAtMs] BlobDeletion issuedAtMs
         * @property {Uint8Array|null} [signature] BlobDeletion signature
         * @property {boolean|null} [all] BlobDeletion all
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobDeletion.
         * @memberof escrin
         * @interface IBlobDeletion
         * @augments escrin.BlobDeletion.$Properties
         * @deprecated Use escrin.BlobDeletion.$Properties instead.
         */

        /**
         * Shape of a BlobDeletion.
         * @typedef {escrin.BlobDeletion.$Properties} escrin.BlobDeletion.$Shape
         */

        /**
         * Constructs a new BlobDeletion.
         * @memberof escrin
         * @classdesc Represents a BlobDeletion.
         * @constructor
         * @param {escrin.BlobDeletion.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobDeletion = function (properties) {
            this.cids = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobDeletion owner.
         * @member {Uint8Array} owner
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.owner = $util.newBuffer([]);

        /**
         * BlobDeletion app.
         * @member {string} app
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.app = "";

        /**
         * BlobDeletion cids.
         * @member {Array.<Uint8Array>} cids
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.cids = $util.emptyArray;

        /**
         * BlobDeletion issuedAtMs.
         * @member {number|Long} issuedAtMs
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * BlobDeletion signature.
         * @member {Uint8Array} signature
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.signature = $util.newBuffer([]);

        /**
         * BlobDeletion all.
         * @member {boolean} all
         * @memberof escrin.BlobDeletion
         * @instance
         */
        BlobDeletion.prototype.all = false;

        /**
         * Creates a new BlobDeletion instance using the specified properties.
         * @function create
         * @memberof escrin.BlobDeletion
         * @static
         * @param {escrin.BlobDeletion.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobDeletion} BlobDeletion instance
         * @type {{
         *   (properties: escrin.BlobDeletion.$Shape): escrin.BlobDeletion & escrin.BlobDeletion.$Shape;
         *   (properties?: escrin.BlobDeletion.$Properties): escrin.BlobDeletion;
         * }}
         */
        BlobDeletion.create = function(properties) {
            return new BlobDeletion(properties);
        };

        /**
         * Encodes the specified BlobDeletion message. Does not implicitly {@link escrin.BlobDeletion.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobDeletion
         * @static
         * @param {escrin.BlobDeletion.$Properties} message BlobDeletion message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobDeletion.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.owner);
            if (message.app != null && $Object.hasOwnProperty.call(message, "app") && message.app !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.app);
            if (message.cids != null && message.cids.length)
                for (let i = 0; i < message.cids.length; ++i)
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.cids[i]);
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs") && (typeof message.issuedAtMs === "object" ? message.issuedAtMs.low || message.issuedAtMs.high : message.issuedAtMs !== 0))
                writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.issuedAtMs);
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.signature);
            if (message.all != null && $Object.hasOwnProperty.call(message, "all") && message.all !== false)
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.all);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobDeletion message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobDeletion
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobDeletion & escrin.BlobDeletion.$Shape} BlobDeletion
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobDeletion.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobDeletion();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.owner = value;
                        else
                            delete message.owner;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.app = value;
                        else
                            delete message.app;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if (!(message.cids && message.cids.length))
                            message.cids = [];
                        message.cids.push(reader.bytes());
                        continue;
                    }
                case 4: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.issuedAtMs = value;
                        else
                            delete message.issuedAtMs;
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.signature = value;
                        else
                            delete message.signature;
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.bool())
                            message.all = value;
                        else
                            delete message.all;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobDeletion message.
         * @function verify
         * @memberof escrin.BlobDeletion
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobDeletion.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                if (!(message.owner && typeof message.owner.length === "number" || $util.isString(message.owner)))
                    return "owner: buffer expected";
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                if (!$util.isString(message.app))
                    return "app: string expected";
            if (message.cids != null && $Object.hasOwnProperty.call(message, "cids")) {
                if (!$Array.isArray(message.cids))
                    return "cids: array expected";
                for (let i = 0; i < message.cids.length; ++i)
                    if (!(message.cids[i] && typeof message.cids[i].length === "number" || $util.isString(message.cids[i])))
                        return "cids: buffer[] expected";
            }
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                if (!$util.isInteger(message.issuedAtMs) && !(message.issuedAtMs && $util.isInteger(message.issuedAtMs.low) && $util.isInteger(message.issuedAtMs.high)))
                    return "issuedAtMs: integer|Long expected";
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                    return "signature: buffer expected";
            if (message.all != null && $Object.hasOwnProperty.call(message, "all"))
                if (typeof message.all !== "boolean")
                    return "all: boolean expected";
            return null;
        };

        /**
         * Creates a BlobDeletion message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobDeletion
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobDeletion} BlobDeletion
         */
        BlobDeletion.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobDeletion)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobDeletion: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobDeletion();
            if (object.owner != null)
                if (object.owner.length)
                    if (typeof object.owner === "string")
                        $util.base64.decode(object.owner, message.owner = $util.newBuffer($util.base64.length(object.owner)), 0);
                    else if (object.owner.length >= 0)
                        message.owner = object.owner;
            if (object.app != null)
                if (typeof object.app !== "string" || object.app.length)
                    message.app = $String(object.app);
            if (object.cids) {
                if (!$Array.isArray(object.cids))
                    throw $TypeError(".escrin.BlobDeletion.cids: array expected");
                message.cids = $Array(object.cids.length);
                for (let i = 0; i < object.cids.length; ++i)
                    if (typeof object.cids[i] === "string")
                        $util.base64.decode(object.cids[i], message.cids[i] = $util.newBuffer($util.base64.length(object.cids[i])), 0);
                    else if (object.cids[i].length >= 0)
                        message.cids[i] = object.cids[i];
            }
            if (object.issuedAtMs != null)
                if (typeof object.issuedAtMs === "object" ? object.issuedAtMs.low || object.issuedAtMs.high : $Number(object.issuedAtMs) !== 0)
                    if ($util.Long)
                        message.issuedAtMs = $util.Long.fromValue(object.issuedAtMs, true);
                    else if (typeof object.issuedAtMs === "string")
                        message.issuedAtMs = $parseInt(object.issuedAtMs, 10);
                    else if (typeof object.issuedAtMs === "number")
                        message.issuedAtMs = object.issuedAtMs;
                    else if (typeof object.issuedAtMs === "object")
                        message.issuedAtMs = new $util.LongBits(object.issuedAtMs.low >>> 0, object.issuedAtMs.high >>> 0).toNumber(true);
            if (object.signature != null)
                if (object.signature.length)
                    if (typeof object.signature === "string")
                        $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                    else if (object.signature.length >= 0)
                        message.signature = object.signature;
            if (object.all != null)
                if (object.all)
                    message.all = $Boolean(object.all);
            return message;
        };

        /**
         * Creates a plain object from a BlobDeletion message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobDeletion
         * @static
         * @param {escrin.BlobDeletion} message BlobDeletion
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobDeletion.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.cids = [];
            if (options.defaults) {
                if (options.bytes === $String)
                    object.owner = "";
                else {
                    object.owner = [];
                    if (options.bytes !== $Array)
                        object.owner = $util.newBuffer(object.owner);
                }
                object.app = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.issuedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.issuedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.signature = "";
                else {
                    object.signature = [];
                    if (options.bytes !== $Array)
                        object.signature = $util.newBuffer(object.signature);
                }
                object.all = false;
            }
            if (message.owner != null && $Object.hasOwnProperty.call(message, "owner"))
                object.owner = options.bytes === $String ? $util.base64.encode(message.owner, 0, message.owner.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.owner) : message.owner;
            if (message.app != null && $Object.hasOwnProperty.call(message, "app"))
                object.app = message.app;
            if (message.cids && message.cids.length) {
                object.cids = $Array(message.cids.length);
                for (let j = 0; j < message.cids.length; ++j)
                    object.cids[j] = options.bytes === $String ? $util.base64.encode(message.cids[j], 0, message.cids[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cids[j]) : message.cids[j];
            }
            if (message.issuedAtMs != null && $Object.hasOwnProperty.call(message, "issuedAtMs"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.issuedAtMs = typeof message.issuedAtMs === "number" ? $BigInt(message.issuedAtMs) : $util.Long.fromBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0, true).toBigInt();
                else if (typeof message.issuedAtMs === "number")
                    object.issuedAtMs = options.longs === $String ? $String(message.issuedAtMs) : message.issuedAtMs;
                else
                    object.issuedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.issuedAtMs) : options.longs === $Number ? new $util.LongBits(message.issuedAtMs.low >>> 0, message.issuedAtMs.high >>> 0).toNumber(true) : message.issuedAtMs;
            if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
            if (message.all != null && $Object.hasOwnProperty.call(message, "all"))
                object.all = message.all;
            return object;
        };

        /**
         * Converts this BlobDeletion to JSON.
         * @function toJSON
         * @memberof escrin.BlobDeletion
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobDeletion.prototype.toJSON = function() {
            return BlobDeletion.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobDeletion;
    })();

    escrin.BlobRequest = (function() {

        /**
         * Properties of a BlobRequest.
         * @typedef {Object} escrin.BlobRequest.$Properties
         * @property {escrin.BlobPut.$Properties|null} [put] BlobRequest put
         * @property {escrin.BlobGet.$Properties|null} [get] BlobRequest get
         * @property {escrin.BlobHas.$Properties|null} [has] BlobRequest has
         * @property {escrin.BlobReplicas.$Properties|null} [replicas] BlobRequest replicas
         * @property {escrin.BlobDeletion.$Properties|null} ["delete"] BlobRequest delete
         * @property {"put"|"get"|"has"|"replicas"|"delete"} [kind] BlobRequest kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobRequest.
         * @memberof escrin
         * @interface IBlobRequest
         * @augments escrin.BlobRequest.$Properties
         * @deprecated Use escrin.BlobRequest.$Properties instead.
         */

        /**
         * Narrowed shape of a BlobRequest.
         * @typedef {{
         *   put?: escrin.BlobPut.$Shape|null;
         *   get?: escrin.BlobGet.$Shape|null;
         *   has?: escrin.BlobHas.$Shape|null;
         *   replicas?: escrin.BlobReplicas.$Shape|null;
         *   "delete"?: escrin.BlobDeletion.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; put?: null; get?: null; has?: null; replicas?: null; "delete"?: null }|{ kind?: "put"; put: escrin.BlobPut.$Shape; get?: null; has?: null; replicas?: null; "delete"?: null }|{ kind?: "get"; put?: null; get: escrin.BlobGet.$Shape; has?: null; replicas?: null; "delete"?: null }|{ kind?: "has"; put?: null; get?: null; has: escrin.BlobHas.$Shape; replicas?: null; "delete"?: null }|{ kind?: "replicas"; put?: null; get?: null; has?: null; replicas: escrin.BlobReplicas.$Shape; "delete"?: null }|{ kind?: "delete"; put?: null; get?: null; has?: null; replicas?: null; "delete": escrin.BlobDeletion.$Shape })
         * )} escrin.BlobRequest.$Shape
         */

        /**
         * Constructs a new BlobRequest.
         * @memberof escrin
         * @classdesc Represents a BlobRequest.
         * @constructor
         * @param {escrin.BlobRequest.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobRequest = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobRequest put.
         * @member {escrin.BlobPut.$Properties|null|undefined} put
         * @memberof escrin.BlobRequest
         * @instance
         */
        BlobRequest.prototype.put = null;

        /**
         * BlobRequest get.
         * @member {escrin.BlobGet.$Properties|null|undefined} get
         * @memberof escrin.BlobRequest
         * @instance
         */
        BlobRequest.prototype.get = null;

        /**
         * BlobRequest has.
         * @member {escrin.BlobHas.$Properties|null|undefined} has
         * @memberof escrin.BlobRequest
         * @instance
         */
        BlobRequest.prototype.has = null;

        /**
         * BlobRequest replicas.
         * @member {escrin.BlobReplicas.$Properties|null|undefined} replicas
         * @memberof escrin.BlobRequest
         * @instance
         */
        BlobRequest.prototype.replicas = null;

        /**
         * BlobRequest delete.
         * @member {escrin.BlobDeletion.$Properties|null|undefined} delete
         * @memberof escrin.BlobRequest
         * @instance
         */
        BlobRequest.prototype["delete"] = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * BlobRequest kind.
         * @member {"put"|"get"|"has"|"replicas"|"delete"|undefined} kind
         * @memberof escrin.BlobRequest
         * @instance
         */
        $Object.defineProperty(BlobRequest.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["put", "get", "has", "replicas", "delete"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new BlobRequest instance using the specified properties.
         * @function create
         * @memberof escrin.BlobRequest
         * @static
         * @param {escrin.BlobRequest.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobRequest} BlobRequest instance
         * @type {{
         *   (properties: escrin.BlobRequest.$Shape): escrin.BlobRequest & escrin.BlobRequest.$Shape;
         *   (properties?: escrin.BlobRequest.$Properties): escrin.BlobRequest;
         * }}
         */
        BlobRequest.create = function(properties) {
            return new BlobRequest(properties);
        };

        /**
         * Encodes the specified BlobRequest message. Does not implicitly {@link escrin.BlobRequest.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobRequest
         * @static
         * @param {escrin.BlobRequest.$Properties} message BlobRequest message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobRequest.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.put != null && $Object.hasOwnProperty.call(message, "put"))
                $root.escrin.BlobPut.encode(message.put, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
            if (message.get != null && $Object.hasOwnProperty.call(message, "get"))
                $root.escrin.BlobGet.encode(message.get, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.has != null && $Object.hasOwnProperty.call(message, "has"))
                $root.escrin.BlobHas.encode(message.has, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
            if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas"))
                $root.escrin.BlobReplicas.encode(message.replicas, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message["delete"] != null && $Object.hasOwnProperty.call(message, "delete"))
                $root.escrin.BlobDeletion.encode(message["delete"], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobRequest message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobRequest
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobRequest & escrin.BlobRequest.$Shape} BlobRequest
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobRequest.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobRequest();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        message.put = $root.escrin.BlobPut.decode(reader, reader.size(), $undefined, _depth + 1, message.put);
                        message.kind = "put";
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.get = $root.escrin.BlobGet.decode(reader, reader.size(), $undefined, _depth + 1, message.get);
                        message.kind = "get";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.has = $root.escrin.BlobHas.decode(reader, reader.size(), $undefined, _depth + 1, message.has);
                        message.kind = "has";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.replicas = $root.escrin.BlobReplicas.decode(reader, reader.size(), $undefined, _depth + 1, message.replicas);
                        message.kind = "replicas";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message["delete"] = $root.escrin.BlobDeletion.decode(reader, reader.size(), $undefined, _depth + 1, message["delete"]);
                        message.kind = "delete";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobRequest message.
         * @function verify
         * @memberof escrin.BlobRequest
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobRequest.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.put != null && $Object.hasOwnProperty.call(message, "put")) {
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobPut.verify(message.put, _depth + 1);
                    if (error)
                        return "put." + error;
                }
            }
            if (message.get != null && $Object.hasOwnProperty.call(message, "get")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobGet.verify(message.get, _depth + 1);
                    if (error)
                        return "get." + error;
                }
            }
            if (message.has != null && $Object.hasOwnProperty.call(message, "has")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobHas.verify(message.has, _depth + 1);
                    if (error)
                        return "has." + error;
                }
            }
            if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobReplicas.verify(message.replicas, _depth + 1);
                    if (error)
                        return "replicas." + error;
                }
            }
            if (message["delete"] != null && $Object.hasOwnProperty.call(message, "delete")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobDeletion.verify(message["delete"], _depth + 1);
                    if (error)
                        return "delete." + error;
                }
            }
            return null;
        };

        /**
         * Creates a BlobRequest message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobRequest
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobRequest} BlobRequest
         */
        BlobRequest.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobRequest)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobRequest: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobRequest();
            if (object.put != null) {
                if (!$util.isObject(object.put))
                    throw $TypeError(".escrin.BlobRequest.put: object expected");
                message.put = $root.escrin.BlobPut.fromObject(object.put, _depth + 1);
            }
            if (object.get != null) {
                if (!$util.isObject(object.get))
                    throw $TypeError(".escrin.BlobRequest.get: object expected");
                message.get = $root.escrin.BlobGet.fromObject(object.get, _depth + 1);
            }
            if (object.has != null) {
                if (!$util.isObject(object.has))
                    throw $TypeError(".escrin.BlobRequest.has: object expected");
                message.has = $root.escrin.BlobHas.fromObject(object.has, _depth + 1);
            }
            if (object.replicas != null) {
                if (!$util.isObject(object.replicas))
                    throw $TypeError(".escrin.BlobRequest.replicas: object expected");
                message.replicas = $root.escrin.BlobReplicas.fromObject(object.replicas, _depth + 1);
            }
            if (object["delete"] != null) {
                if (!$util.isObject(object["delete"]))
                    throw $TypeError(".escrin.BlobRequest.delete: object expected");
                message["delete"] = $root.escrin.BlobDeletion.fromObject(object["delete"], _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a BlobRequest message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobRequest
         * @static
         * @param {escrin.BlobRequest} message BlobRequest
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobRequest.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.put != null && $Object.hasOwnProperty.call(message, "put")) {
                object.put = $root.escrin.BlobPut.toObject(message.put, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "put";
            }
            if (message.get != null && $Object.hasOwnProperty.call(message, "get")) {
                object.get = $root.escrin.BlobGet.toObject(message.get, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "get";
            }
            if (message.has != null && $Object.hasOwnProperty.call(message, "has")) {
                object.has = $root.escrin.BlobHas.toObject(message.has, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "has";
            }
            if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas")) {
                object.replicas = $root.escrin.BlobReplicas.toObject(message.replicas, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "replicas";
            }
            if (message["delete"] != null && $Object.hasOwnProperty.call(message, "delete")) {
                object["delete"] = $root.escrin.BlobDeletion.toObject(message["delete"], options, _depth + 1);
                if (options.oneofs)
                    object.kind = "delete";
            }
            return object;
        };

        /**
         * Converts this BlobRequest to JSON.
         * @function toJSON
         * @memberof escrin.BlobRequest
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobRequest.prototype.toJSON = function() {
            return BlobRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobRequest;
    })();

    escrin.BlobEnd = (function() {

        /**
         * Properties of a BlobEnd.
         * @typedef {Object} escrin.BlobEnd.$Properties
         * @property {Uint8Array|null} [cid] BlobEnd cid
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobEnd.
         * @memberof escrin
         * @interface IBlobEnd
         * @augments escrin.BlobEnd.$Properties
         * @deprecated Use escrin.BlobEnd.$Properties instead.
         */

        /**
         * Shape of a BlobEnd.
         * @typedef {escrin.BlobEnd.$Properties} escrin.BlobEnd.$Shape
         */

        /**
         * Constructs a new BlobEnd.
         * @memberof escrin
         * @classdesc Represents a BlobEnd.
         * @constructor
         * @param {escrin.BlobEnd.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobEnd = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobEnd cid.
         * @member {Uint8Array} cid
         * @memberof escrin.BlobEnd
         * @instance
         */
        BlobEnd.prototype.cid = $util.newBuffer([]);

        /**
         * Creates a new BlobEnd instance using the specified properties.
         * @function create
         * @memberof escrin.BlobEnd
         * @static
         * @param {escrin.BlobEnd.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobEnd} BlobEnd instance
         * @type {{
         *   (properties: escrin.BlobEnd.$Shape): escrin.BlobEnd & escrin.BlobEnd.$Shape;
         *   (properties?: escrin.BlobEnd.$Properties): escrin.BlobEnd;
         * }}
         */
        BlobEnd.create = function(properties) {
            return new BlobEnd(properties);
        };

        /**
         * Encodes the specified BlobEnd message. Does not implicitly {@link escrin.BlobEnd.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobEnd
         * @static
         * @param {escrin.BlobEnd.$Properties} message BlobEnd message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobEnd.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid") && message.cid.length)
                writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cid);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobEnd message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobEnd
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobEnd & escrin.BlobEnd.$Shape} BlobEnd
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobEnd.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobEnd();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.cid = value;
                        else
                            delete message.cid;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobEnd message.
         * @function verify
         * @memberof escrin.BlobEnd
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobEnd.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                if (!(message.cid && typeof message.cid.length === "number" || $util.isString(message.cid)))
                    return "cid: buffer expected";
            return null;
        };

        /**
         * Creates a BlobEnd message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobEnd
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobEnd} BlobEnd
         */
        BlobEnd.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobEnd)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobEnd: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobEnd();
            if (object.cid != null)
                if (object.cid.length)
                    if (typeof object.cid === "string")
                        $util.base64.decode(object.cid, message.cid = $util.newBuffer($util.base64.length(object.cid)), 0);
                    else if (object.cid.length >= 0)
                        message.cid = object.cid;
            return message;
        };

        /**
         * Creates a plain object from a BlobEnd message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobEnd
         * @static
         * @param {escrin.BlobEnd} message BlobEnd
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobEnd.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults)
                if (options.bytes === $String)
                    object.cid = "";
                else {
                    object.cid = [];
                    if (options.bytes !== $Array)
                        object.cid = $util.newBuffer(object.cid);
                }
            if (message.cid != null && $Object.hasOwnProperty.call(message, "cid"))
                object.cid = options.bytes === $String ? $util.base64.encode(message.cid, 0, message.cid.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cid) : message.cid;
            return object;
        };

        /**
         * Converts this BlobEnd to JSON.
         * @function toJSON
         * @memberof escrin.BlobEnd
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobEnd.prototype.toJSON = function() {
            return BlobEnd.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobEnd;
    })();

    escrin.BlobFrame = (function() {

        /**
         * Properties of a BlobFrame.
         * @typedef {Object} escrin.BlobFrame.$Properties
         * @property {escrin.BlobEnd.$Properties|null} [end] BlobFrame end
         * @property {boolean|null} [ack] BlobFrame ack
         * @property {"end"|"ack"} [kind] BlobFrame kind
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobFrame.
         * @memberof escrin
         * @interface IBlobFrame
         * @augments escrin.BlobFrame.$Properties
         * @deprecated Use escrin.BlobFrame.$Properties instead.
         */

        /**
         * Narrowed shape of a BlobFrame.
         * @typedef {{
         *   end?: escrin.BlobEnd.$Shape|null;
         *   ack?: boolean|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ kind?: undefined; end?: null; ack?: null }|{ kind?: "end"; end: escrin.BlobEnd.$Shape; ack?: null }|{ kind?: "ack"; end?: null; ack: boolean })
         * )} escrin.BlobFrame.$Shape
         */

        /**
         * Constructs a new BlobFrame.
         * @memberof escrin
         * @classdesc Represents a BlobFrame.
         * @constructor
         * @param {escrin.BlobFrame.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobFrame = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobFrame end.
         * @member {escrin.BlobEnd.$Properties|null|undefined} end
         * @memberof escrin.BlobFrame
         * @instance
         */
        BlobFrame.prototype.end = null;

        /**
         * BlobFrame ack.
         * @member {boolean|null|undefined} ack
         * @memberof escrin.BlobFrame
         * @instance
         */
        BlobFrame.prototype.ack = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * BlobFrame kind.
         * @member {"end"|"ack"|undefined} kind
         * @memberof escrin.BlobFrame
         * @instance
         */
        $Object.defineProperty(BlobFrame.prototype, "kind", {
            get: $util.oneOfGetter($oneOfFields = ["end", "ack"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new BlobFrame instance using the specified properties.
         * @function create
         * @memberof escrin.BlobFrame
         * @static
         * @param {escrin.BlobFrame.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobFrame} BlobFrame instance
         * @type {{
         *   (properties: escrin.BlobFrame.$Shape): escrin.BlobFrame & escrin.BlobFrame.$Shape;
         *   (properties?: escrin.BlobFrame.$Properties): escrin.BlobFrame;
         * }}
         */
        BlobFrame.create = function(properties) {
            return new BlobFrame(properties);
        };

        /**
         * Encodes the specified BlobFrame message. Does not implicitly {@link escrin.BlobFrame.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobFrame
         * @static
         * @param {escrin.BlobFrame.$Properties} message BlobFrame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobFrame.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.end != null && $Object.hasOwnProperty.call(message, "end"))
                $root.escrin.BlobEnd.encode(message.end, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                writer.uint32(/* id 3, wireType 0 =*/24).bool(message.ack);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobFrame message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobFrame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobFrame & escrin.BlobFrame.$Shape} BlobFrame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobFrame.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobFrame();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 2: {
                        if (wireType !== 2)
                            break;
                        message.end = $root.escrin.BlobEnd.decode(reader, reader.size(), $undefined, _depth + 1, message.end);
                        message.kind = "end";
                        continue;
                    }
                case 3: {
                        if (wireType !== 0)
                            break;
                        message.ack = reader.bool();
                        message.kind = "ack";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobFrame message.
         * @function verify
         * @memberof escrin.BlobFrame
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobFrame.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.end != null && $Object.hasOwnProperty.call(message, "end")) {
                properties.kind = 1;
                {
                    let error = $root.escrin.BlobEnd.verify(message.end, _depth + 1);
                    if (error)
                        return "end." + error;
                }
            }
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                if (properties.kind === 1)
                    return "kind: multiple values";
                properties.kind = 1;
                if (typeof message.ack !== "boolean")
                    return "ack: boolean expected";
            }
            return null;
        };

        /**
         * Creates a BlobFrame message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobFrame
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobFrame} BlobFrame
         */
        BlobFrame.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobFrame)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobFrame: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobFrame();
            if (object.end != null) {
                if (!$util.isObject(object.end))
                    throw $TypeError(".escrin.BlobFrame.end: object expected");
                message.end = $root.escrin.BlobEnd.fromObject(object.end, _depth + 1);
            }
            if (object.ack != null)
                message.ack = $Boolean(object.ack);
            return message;
        };

        /**
         * Creates a plain object from a BlobFrame message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobFrame
         * @static
         * @param {escrin.BlobFrame} message BlobFrame
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobFrame.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.end != null && $Object.hasOwnProperty.call(message, "end")) {
                object.end = $root.escrin.BlobEnd.toObject(message.end, options, _depth + 1);
                if (options.oneofs)
                    object.kind = "end";
            }
            if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                object.ack = message.ack;
                if (options.oneofs)
                    object.kind = "ack";
            }
            return object;
        };

        /**
         * Converts this BlobFrame to JSON.
         * @function toJSON
         * @memberof escrin.BlobFrame
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobFrame.prototype.toJSON = function() {
            return BlobFrame.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobFrame;
    })();

    escrin.BlobFound = (function() {

        /**
         * Properties of a BlobFound.
         * @typedef {Object} escrin.BlobFound.$Properties
         * @property {string|null} [policyId] BlobFound policyId
         * @property {number|Long|null} [size] BlobFound size
         * @property {Uint8Array|null} [manifest] BlobFound manifest
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobFound.
         * @memberof escrin
         * @interface IBlobFound
         * @augments escrin.BlobFound.$Properties
         * @deprecated Use escrin.BlobFound.$Properties instead.
         */

        /**
         * Shape of a BlobFound.
         * @typedef {escrin.BlobFound.$Properties} escrin.BlobFound.$Shape
         */

        /**
         * Constructs a new BlobFound.
         * @memberof escrin
         * @classdesc Represents a BlobFound.
         * @constructor
         * @param {escrin.BlobFound.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobFound = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobFound policyId.
         * @member {string} policyId
         * @memberof escrin.BlobFound
         * @instance
         */
        BlobFound.prototype.policyId = "";

        /**
         * BlobFound size.
         * @member {number|Long} size
         * @memberof escrin.BlobFound
         * @instance
         */
        BlobFound.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * BlobFound manifest.
         * @member {Uint8Array} manifest
         * @memberof escrin.BlobFound
         * @instance
         */
        BlobFound.prototype.manifest = $util.newBuffer([]);

        /**
         * Creates a new BlobFound instance using the specified properties.
         * @function create
         * @memberof escrin.BlobFound
         * @static
         * @param {escrin.BlobFound.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobFound} BlobFound instance
         * @type {{
         *   (properties: escrin.BlobFound.$Shape): escrin.BlobFound & escrin.BlobFound.$Shape;
         *   (properties?: escrin.BlobFound.$Properties): escrin.BlobFound;
         * }}
         */
        BlobFound.create = function(properties) {
            return new BlobFound(properties);
        };

        /**
         * Encodes the specified BlobFound message. Does not implicitly {@link escrin.BlobFound.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobFound
         * @static
         * @param {escrin.BlobFound.$Properties} message BlobFound message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobFound.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId") && message.policyId !== "")
                writer.uint32(/* id 1, wireType 2 =*/10).string(message.policyId);
            if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.size);
            if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest") && message.manifest.length)
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.manifest);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobFound message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobFound
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobFound & escrin.BlobFound.$Shape} BlobFound
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobFound.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobFound();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.policyId = value;
                        else
                            delete message.policyId;
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                            message.size = value;
                        else
                            delete message.size;
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.bytes()).length)
                            message.manifest = value;
                        else
                            delete message.manifest;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobFound message.
         * @function verify
         * @memberof escrin.BlobFound
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobFound.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                if (!$util.isString(message.policyId))
                    return "policyId: string expected";
            if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                if (!$util.isInteger(message.size) && !(message.size && $util.isInteger(message.size.low) && $util.isInteger(message.size.high)))
                    return "size: integer|Long expected";
            if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                if (!(message.manifest && typeof message.manifest.length === "number" || $util.isString(message.manifest)))
                    return "manifest: buffer expected";
            return null;
        };

        /**
         * Creates a BlobFound message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobFound
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobFound} BlobFound
         */
        BlobFound.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobFound)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobFound: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobFound();
            if (object.policyId != null)
                if (typeof object.policyId !== "string" || object.policyId.length)
                    message.policyId = $String(object.policyId);
            if (object.size != null)
                if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                    if ($util.Long)
                        message.size = $util.Long.fromValue(object.size, true);
                    else if (typeof object.size === "string")
                        message.size = $parseInt(object.size, 10);
                    else if (typeof object.size === "number")
                        message.size = object.size;
                    else if (typeof object.size === "object")
                        message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
            if (object.manifest != null)
                if (object.manifest.length)
                    if (typeof object.manifest === "string")
                        $util.base64.decode(object.manifest, message.manifest = $util.newBuffer($util.base64.length(object.manifest)), 0);
                    else if (object.manifest.length >= 0)
                        message.manifest = object.manifest;
            return message;
        };

        /**
         * Creates a plain object from a BlobFound message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobFound
         * @static
         * @param {escrin.BlobFound} message BlobFound
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobFound.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.policyId = "";
                if ($util.Long) {
                    let long = new $util.Long(0, 0, true);
                    object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                } else
                    object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (options.bytes === $String)
                    object.manifest = "";
                else {
                    object.manifest = [];
                    if (options.bytes !== $Array)
                        object.manifest = $util.newBuffer(object.manifest);
                }
            }
            if (message.policyId != null && $Object.hasOwnProperty.call(message, "policyId"))
                object.policyId = message.policyId;
            if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                    object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                else if (typeof message.size === "number")
                    object.size = options.longs === $String ? $String(message.size) : message.size;
                else
                    object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
            if (message.manifest != null && $Object.hasOwnProperty.call(message, "manifest"))
                object.manifest = options.bytes === $String ? $util.base64.encode(message.manifest, 0, message.manifest.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.manifest) : message.manifest;
            return object;
        };

        /**
         * Converts this BlobFound to JSON.
         * @function toJSON
         * @memberof escrin.BlobFound
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobFound.prototype.toJSON = function() {
            return BlobFound.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobFound;
    })();

    escrin.BlobHeld = (function() {

        /**
         * Properties of a BlobHeld.
         * @typedef {Object} escrin.BlobHeld.$Properties
         * @property {Array.<Uint8Array>|null} [cids] BlobHeld cids
         * @property {Array.<escrin.BlobDeletion.$Properties>|null} [deletions] BlobHeld deletions
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobHeld.
         * @memberof escrin
         * @interface IBlobHeld
         * @augments escrin.BlobHeld.$Properties
         * @deprecated Use escrin.BlobHeld.$Properties instead.
         */

        /**
         * Shape of a BlobHeld.
         * @typedef {escrin.BlobHeld.$Properties} escrin.BlobHeld.$Shape
         */

        /**
         * Constructs a new BlobHeld.
         * @memberof escrin
         * @classdesc Represents a BlobHeld.
         * @constructor
         * @param {escrin.BlobHeld.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobHeld = function (properties) {
            this.cids = [];
            this.deletions = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobHeld cids.
         * @member {Array.<Uint8Array>} cids
         * @memberof escrin.BlobHeld
         * @instance
         */
        BlobHeld.prototype.cids = $util.emptyArray;

        /**
         * BlobHeld deletions.
         * @member {Array.<escrin.BlobDeletion.$Properties>} deletions
         * @memberof escrin.BlobHeld
         * @instance
         */
        BlobHeld.prototype.deletions = $util.emptyArray;

        /**
         * Creates a new BlobHeld instance using the specified properties.
         * @function create
         * @memberof escrin.BlobHeld
         * @static
         * @param {escrin.BlobHeld.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobHeld} BlobHeld instance
         * @type {{
         *   (properties: escrin.BlobHeld.$Shape): escrin.BlobHeld & escrin.BlobHeld.$Shape;
         *   (properties?: escrin.BlobHeld.$Properties): escrin.BlobHeld;
         * }}
         */
        BlobHeld.create = function(properties) {
            return new BlobHeld(properties);
        };

        /**
         * Encodes the specified BlobHeld message. Does not implicitly {@link escrin.BlobHeld.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobHeld
         * @static
         * @param {escrin.BlobHeld.$Properties} message BlobHeld message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobHeld.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cids != null && message.cids.length)
                for (let i = 0; i < message.cids.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cids[i]);
            if (message.deletions != null && message.deletions.length)
                for (let i = 0; i < message.deletions.length; ++i)
                    $root.escrin.BlobDeletion.encode(message.deletions[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobHeld message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobHeld
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobHeld & escrin.BlobHeld.$Shape} BlobHeld
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobHeld.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobHeld();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.cids && message.cids.length))
                            message.cids = [];
                        message.cids.push(reader.bytes());
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if (!(message.deletions && message.deletions.length))
                            message.deletions = [];
                        message.deletions.push($root.escrin.BlobDeletion.decode(reader, reader.size(), $undefined, _depth + 1));
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobHeld message.
         * @function verify
         * @memberof escrin.BlobHeld
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobHeld.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cids != null && $Object.hasOwnProperty.call(message, "cids")) {
                if (!$Array.isArray(message.cids))
                    return "cids: array expected";
                for (let i = 0; i < message.cids.length; ++i)
                    if (!(message.cids[i] && typeof message.cids[i].length === "number" || $util.isString(message.cids[i])))
                        return "cids: buffer[] expected";
            }
            if (message.deletions != null && $Object.hasOwnProperty.call(message, "deletions")) {
                if (!$Array.isArray(message.deletions))
                    return "deletions: array expected";
                for (let i = 0; i < message.deletions.length; ++i) {
                    let error = $root.escrin.BlobDeletion.verify(message.deletions[i], _depth + 1);
                    if (error)
                        return "deletions." + error;
                }
            }
            return null;
        };

        /**
         * Creates a BlobHeld message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobHeld
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobHeld} BlobHeld
         */
        BlobHeld.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobHeld)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobHeld: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobHeld();
            if (object.cids) {
                if (!$Array.isArray(object.cids))
                    throw $TypeError(".escrin.BlobHeld.cids: array expected");
                message.cids = $Array(object.cids.length);
                for (let i = 0; i < object.cids.length; ++i)
                    if (typeof object.cids[i] === "string")
                        $util.base64.decode(object.cids[i], message.cids[i] = $util.newBuffer($util.base64.length(object.cids[i])), 0);
                    else if (object.cids[i].length >= 0)
                        message.cids[i] = object.cids[i];
            }
            if (object.deletions) {
                if (!$Array.isArray(object.deletions))
                    throw $TypeError(".escrin.BlobHeld.deletions: array expected");
                message.deletions = $Array(object.deletions.length);
                for (let i = 0; i < object.deletions.length; ++i) {
                    if (!$util.isObject(object.deletions[i]))
                        throw $TypeError(".escrin.BlobHeld.deletions: object expected");
                    message.deletions[i] = $root.escrin.BlobDeletion.fromObject(object.deletions[i], _depth + 1);
                }
            }
            return message;
        };

        /**
         * Creates a plain object from a BlobHeld message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobHeld
         * @static
         * @param {escrin.BlobHeld} message BlobHeld
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobHeld.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults) {
                object.cids = [];
                object.deletions = [];
            }
            if (message.cids && message.cids.length) {
                object.cids = $Array(message.cids.length);
                for (let j = 0; j < message.cids.length; ++j)
                    object.cids[j] = options.bytes === $String ? $util.base64.encode(message.cids[j], 0, message.cids[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cids[j]) : message.cids[j];
            }
            if (message.deletions && message.deletions.length) {
                object.deletions = $Array(message.deletions.length);
                for (let j = 0; j < message.deletions.length; ++j)
                    object.deletions[j] = $root.escrin.BlobDeletion.toObject(message.deletions[j], options, _depth + 1);
            }
            return object;
        };

        /**
         * Converts this BlobHeld to JSON.
         * @function toJSON
         * @memberof escrin.BlobHeld
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobHeld.prototype.toJSON = function() {
            return BlobHeld.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobHeld;
    })();

    escrin.BlobRemoved = (function() {

        /**
         * Properties of a BlobRemoved.
         * @typedef {Object} escrin.BlobRemoved.$Properties
         * @property {Array.<Uint8Array>|null} [cids] BlobRemoved cids
         * @property {number|null} [count] BlobRemoved count
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobRemoved.
         * @memberof escrin
         * @interface IBlobRemoved
         * @augments escrin.BlobRemoved.$Properties
         * @deprecated Use escrin.BlobRemoved.$Properties instead.
         */

        /**
         * Shape of a BlobRemoved.
         * @typedef {escrin.BlobRemoved.$Properties} escrin.BlobRemoved.$Shape
         */

        /**
         * Constructs a new BlobRemoved.
         * @memberof escrin
         * @classdesc Represents a BlobRemoved.
         * @constructor
         * @param {escrin.BlobRemoved.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobRemoved = function (properties) {
            this.cids = [];
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobRemoved cids.
         * @member {Array.<Uint8Array>} cids
         * @memberof escrin.BlobRemoved
         * @instance
         */
        BlobRemoved.prototype.cids = $util.emptyArray;

        /**
         * BlobRemoved count.
         * @member {number} count
         * @memberof escrin.BlobRemoved
         * @instance
         */
        BlobRemoved.prototype.count = 0;

        /**
         * Creates a new BlobRemoved instance using the specified properties.
         * @function create
         * @memberof escrin.BlobRemoved
         * @static
         * @param {escrin.BlobRemoved.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobRemoved} BlobRemoved instance
         * @type {{
         *   (properties: escrin.BlobRemoved.$Shape): escrin.BlobRemoved & escrin.BlobRemoved.$Shape;
         *   (properties?: escrin.BlobRemoved.$Properties): escrin.BlobRemoved;
         * }}
         */
        BlobRemoved.create = function(properties) {
            return new BlobRemoved(properties);
        };

        /**
         * Encodes the specified BlobRemoved message. Does not implicitly {@link escrin.BlobRemoved.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobRemoved
         * @static
         * @param {escrin.BlobRemoved.$Properties} message BlobRemoved message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobRemoved.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.cids != null && message.cids.length)
                for (let i = 0; i < message.cids.length; ++i)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.cids[i]);
            if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.count);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobRemoved message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobRemoved
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobRemoved & escrin.BlobRemoved.$Shape} BlobRemoved
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobRemoved.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobRemoved();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 2)
                            break;
                        if (!(message.cids && message.cids.length))
                            message.cids = [];
                        message.cids.push(reader.bytes());
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.uint32())
                            message.count = value;
                        else
                            delete message.count;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobRemoved message.
         * @function verify
         * @memberof escrin.BlobRemoved
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobRemoved.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.cids != null && $Object.hasOwnProperty.call(message, "cids")) {
                if (!$Array.isArray(message.cids))
                    return "cids: array expected";
                for (let i = 0; i < message.cids.length; ++i)
                    if (!(message.cids[i] && typeof message.cids[i].length === "number" || $util.isString(message.cids[i])))
                        return "cids: buffer[] expected";
            }
            if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                if (!$util.isInteger(message.count))
                    return "count: integer expected";
            return null;
        };

        /**
         * Creates a BlobRemoved message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobRemoved
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobRemoved} BlobRemoved
         */
        BlobRemoved.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobRemoved)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobRemoved: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobRemoved();
            if (object.cids) {
                if (!$Array.isArray(object.cids))
                    throw $TypeError(".escrin.BlobRemoved.cids: array expected");
                message.cids = $Array(object.cids.length);
                for (let i = 0; i < object.cids.length; ++i)
                    if (typeof object.cids[i] === "string")
                        $util.base64.decode(object.cids[i], message.cids[i] = $util.newBuffer($util.base64.length(object.cids[i])), 0);
                    else if (object.cids[i].length >= 0)
                        message.cids[i] = object.cids[i];
            }
            if (object.count != null)
                if ($Number(object.count) !== 0)
                    message.count = object.count >>> 0;
            return message;
        };

        /**
         * Creates a plain object from a BlobRemoved message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobRemoved
         * @static
         * @param {escrin.BlobRemoved} message BlobRemoved
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobRemoved.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.arrays || options.defaults)
                object.cids = [];
            if (options.defaults)
                object.count = 0;
            if (message.cids && message.cids.length) {
                object.cids = $Array(message.cids.length);
                for (let j = 0; j < message.cids.length; ++j)
                    object.cids[j] = options.bytes === $String ? $util.base64.encode(message.cids[j], 0, message.cids[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.cids[j]) : message.cids[j];
            }
            if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                object.count = message.count;
            return object;
        };

        /**
         * Converts this BlobRemoved to JSON.
         * @function toJSON
         * @memberof escrin.BlobRemoved
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobRemoved.prototype.toJSON = function() {
            return BlobRemoved.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobRemoved;
    })();

    escrin.BlobResponse = (function() {

        /**
         * Properties of a BlobResponse.
         * @typedef {Object} escrin.BlobResponse.$Properties
         * @property {boolean|null} [ready] BlobResponse ready
         * @property {boolean|null} [have] BlobResponse have
         * @property {Uint8Array|null} [stored] BlobResponse stored
         * @property {escrin.BlobFound.$Properties|null} [found] BlobResponse found
         * @property {escrin.BlobHeld.$Properties|null} [held] BlobResponse held
         * @property {boolean|null} [ok] BlobResponse ok
         * @property {escrin.BlobFailure.$Properties|null} [failure] BlobResponse failure
         * @property {escrin.BlobRemoved.$Properties|null} [removed] BlobResponse removed
         * @property {"ready"|"have"|"stored"|"found"|"held"|"ok"|"failure"|"removed"} [result] BlobResponse result
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobResponse.
         * @memberof escrin
         * @interface IBlobResponse
         * @augments escrin.BlobResponse.$Properties
         * @deprecated Use escrin.BlobResponse.$Properties instead.
         */

        /**
         * Narrowed shape of a BlobResponse.
         * @typedef {{
         *   ready?: boolean|null;
         *   have?: boolean|null;
         *   stored?: Uint8Array|null;
         *   found?: escrin.BlobFound.$Shape|null;
         *   held?: escrin.BlobHeld.$Shape|null;
         *   ok?: boolean|null;
         *   failure?: escrin.BlobFailure.$Shape|null;
         *   removed?: escrin.BlobRemoved.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ result?: undefined; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "ready"; ready: boolean; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "have"; ready?: null; have: boolean; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "stored"; ready?: null; have?: null; stored: Uint8Array; found?: null; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "found"; ready?: null; have?: null; stored?: null; found: escrin.BlobFound.$Shape; held?: null; ok?: null; failure?: null; removed?: null }|{ result?: "held"; ready?: null; have?: null; stored?: null; found?: null; held: escrin.BlobHeld.$Shape; ok?: null; failure?: null; removed?: null }|{ result?: "ok"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok: boolean; failure?: null; removed?: null }|{ result?: "failure"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure: escrin.BlobFailure.$Shape; removed?: null }|{ result?: "removed"; ready?: null; have?: null; stored?: null; found?: null; held?: null; ok?: null; failure?: null; removed: escrin.BlobRemoved.$Shape })
         * )} escrin.BlobResponse.$Shape
         */

        /**
         * Constructs a new BlobResponse.
         * @memberof escrin
         * @classdesc Represents a BlobResponse.
         * @constructor
         * @param {escrin.BlobResponse.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobResponse = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobResponse ready.
         * @member {boolean|null|undefined} ready
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.ready = null;

        /**
         * BlobResponse have.
         * @member {boolean|null|undefined} have
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.have = null;

        /**
         * BlobResponse stored.
         * @member {Uint8Array|null|undefined} stored
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.stored = null;

        /**
         * BlobResponse found.
         * @member {escrin.BlobFound.$Properties|null|undefined} found
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.found = null;

        /**
         * BlobResponse held.
         * @member {escrin.BlobHeld.$Properties|null|undefined} held
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.held = null;

        /**
         * BlobResponse ok.
         * @member {boolean|null|undefined} ok
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.ok = null;

        /**
         * BlobResponse failure.
         * @member {escrin.BlobFailure.$Properties|null|undefined} failure
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.failure = null;

        /**
         * BlobResponse removed.
         * @member {escrin.BlobRemoved.$Properties|null|undefined} removed
         * @memberof escrin.BlobResponse
         * @instance
         */
        BlobResponse.prototype.removed = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * BlobResponse result.
         * @member {"ready"|"have"|"stored"|"found"|"held"|"ok"|"failure"|"removed"|undefined} result
         * @memberof escrin.BlobResponse
         * @instance
         */
        $Object.defineProperty(BlobResponse.prototype, "result", {
            get: $util.oneOfGetter($oneOfFields = ["ready", "have", "stored", "found", "held", "ok", "failure", "removed"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new BlobResponse instance using the specified properties.
         * @function create
         * @memberof escrin.BlobResponse
         * @static
         * @param {escrin.BlobResponse.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobResponse} BlobResponse instance
         * @type {{
         *   (properties: escrin.BlobResponse.$Shape): escrin.BlobResponse & escrin.BlobResponse.$Shape;
         *   (properties?: escrin.BlobResponse.$Properties): escrin.BlobResponse;
         * }}
         */
        BlobResponse.create = function(properties) {
            return new BlobResponse(properties);
        };

        /**
         * Encodes the specified BlobResponse message. Does not implicitly {@link escrin.BlobResponse.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobResponse
         * @static
         * @param {escrin.BlobResponse.$Properties} message BlobResponse message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobResponse.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.ready != null && $Object.hasOwnProperty.call(message, "ready"))
                writer.uint32(/* id 1, wireType 0 =*/8).bool(message.ready);
            if (message.have != null && $Object.hasOwnProperty.call(message, "have"))
                writer.uint32(/* id 2, wireType 0 =*/16).bool(message.have);
            if (message.stored != null && $Object.hasOwnProperty.call(message, "stored"))
                writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.stored);
            if (message.found != null && $Object.hasOwnProperty.call(message, "found"))
                $root.escrin.BlobFound.encode(message.found, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
            if (message.held != null && $Object.hasOwnProperty.call(message, "held"))
                $root.escrin.BlobHeld.encode(message.held, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                writer.uint32(/* id 6, wireType 0 =*/48).bool(message.ok);
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                $root.escrin.BlobFailure.encode(message.failure, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
            if (message.removed != null && $Object.hasOwnProperty.call(message, "removed"))
                $root.escrin.BlobRemoved.encode(message.removed, writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobResponse message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobResponse
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobResponse & escrin.BlobResponse.$Shape} BlobResponse
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobResponse.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobResponse();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        message.ready = reader.bool();
                        message.result = "ready";
                        continue;
                    }
                case 2: {
                        if (wireType !== 0)
                            break;
                        message.have = reader.bool();
                        message.result = "have";
                        continue;
                    }
                case 3: {
                        if (wireType !== 2)
                            break;
                        message.stored = reader.bytes();
                        message.result = "stored";
                        continue;
                    }
                case 4: {
                        if (wireType !== 2)
                            break;
                        message.found = $root.escrin.BlobFound.decode(reader, reader.size(), $undefined, _depth + 1, message.found);
                        message.result = "found";
                        continue;
                    }
                case 5: {
                        if (wireType !== 2)
                            break;
                        message.held = $root.escrin.BlobHeld.decode(reader, reader.size(), $undefined, _depth + 1, message.held);
                        message.result = "held";
                        continue;
                    }
                case 6: {
                        if (wireType !== 0)
                            break;
                        message.ok = reader.bool();
                        message.result = "ok";
                        continue;
                    }
                case 7: {
                        if (wireType !== 2)
                            break;
                        message.failure = $root.escrin.BlobFailure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                        message.result = "failure";
                        continue;
                    }
                case 8: {
                        if (wireType !== 2)
                            break;
                        message.removed = $root.escrin.BlobRemoved.decode(reader, reader.size(), $undefined, _depth + 1, message.removed);
                        message.result = "removed";
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobResponse message.
         * @function verify
         * @memberof escrin.BlobResponse
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobResponse.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            let properties = {};
            if (message.ready != null && $Object.hasOwnProperty.call(message, "ready")) {
                properties.result = 1;
                if (typeof message.ready !== "boolean")
                    return "ready: boolean expected";
            }
            if (message.have != null && $Object.hasOwnProperty.call(message, "have")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                if (typeof message.have !== "boolean")
                    return "have: boolean expected";
            }
            if (message.stored != null && $Object.hasOwnProperty.call(message, "stored")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                if (!(message.stored && typeof message.stored.length === "number" || $util.isString(message.stored)))
                    return "stored: buffer expected";
            }
            if (message.found != null && $Object.hasOwnProperty.call(message, "found")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.BlobFound.verify(message.found, _depth + 1);
                    if (error)
                        return "found." + error;
                }
            }
            if (message.held != null && $Object.hasOwnProperty.call(message, "held")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.BlobHeld.verify(message.held, _depth + 1);
                    if (error)
                        return "held." + error;
                }
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                if (typeof message.ok !== "boolean")
                    return "ok: boolean expected";
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.BlobFailure.verify(message.failure, _depth + 1);
                    if (error)
                        return "failure." + error;
                }
            }
            if (message.removed != null && $Object.hasOwnProperty.call(message, "removed")) {
                if (properties.result === 1)
                    return "result: multiple values";
                properties.result = 1;
                {
                    let error = $root.escrin.BlobRemoved.verify(message.removed, _depth + 1);
                    if (error)
                        return "removed." + error;
                }
            }
            return null;
        };

        /**
         * Creates a BlobResponse message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobResponse
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobResponse} BlobResponse
         */
        BlobResponse.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobResponse)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobResponse: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobResponse();
            if (object.ready != null)
                message.ready = $Boolean(object.ready);
            if (object.have != null)
                message.have = $Boolean(object.have);
            if (object.stored != null)
                if (typeof object.stored === "string")
                    $util.base64.decode(object.stored, message.stored = $util.newBuffer($util.base64.length(object.stored)), 0);
                else if (object.stored.length >= 0)
                    message.stored = object.stored;
            if (object.found != null) {
                if (!$util.isObject(object.found))
                    throw $TypeError(".escrin.BlobResponse.found: object expected");
                message.found = $root.escrin.BlobFound.fromObject(object.found, _depth + 1);
            }
            if (object.held != null) {
                if (!$util.isObject(object.held))
                    throw $TypeError(".escrin.BlobResponse.held: object expected");
                message.held = $root.escrin.BlobHeld.fromObject(object.held, _depth + 1);
            }
            if (object.ok != null)
                message.ok = $Boolean(object.ok);
            if (object.failure != null) {
                if (!$util.isObject(object.failure))
                    throw $TypeError(".escrin.BlobResponse.failure: object expected");
                message.failure = $root.escrin.BlobFailure.fromObject(object.failure, _depth + 1);
            }
            if (object.removed != null) {
                if (!$util.isObject(object.removed))
                    throw $TypeError(".escrin.BlobResponse.removed: object expected");
                message.removed = $root.escrin.BlobRemoved.fromObject(object.removed, _depth + 1);
            }
            return message;
        };

        /**
         * Creates a plain object from a BlobResponse message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobResponse
         * @static
         * @param {escrin.BlobResponse} message BlobResponse
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobResponse.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (message.ready != null && $Object.hasOwnProperty.call(message, "ready")) {
                object.ready = message.ready;
                if (options.oneofs)
                    object.result = "ready";
            }
            if (message.have != null && $Object.hasOwnProperty.call(message, "have")) {
                object.have = message.have;
                if (options.oneofs)
                    object.result = "have";
            }
            if (message.stored != null && $Object.hasOwnProperty.call(message, "stored")) {
                object.stored = options.bytes === $String ? $util.base64.encode(message.stored, 0, message.stored.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.stored) : message.stored;
                if (options.oneofs)
                    object.result = "stored";
            }
            if (message.found != null && $Object.hasOwnProperty.call(message, "found")) {
                object.found = $root.escrin.BlobFound.toObject(message.found, options, _depth + 1);
                if (options.oneofs)
                    object.result = "found";
            }
            if (message.held != null && $Object.hasOwnProperty.call(message, "held")) {
                object.held = $root.escrin.BlobHeld.toObject(message.held, options, _depth + 1);
                if (options.oneofs)
                    object.result = "held";
            }
            if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                object.ok = message.ok;
                if (options.oneofs)
                    object.result = "ok";
            }
            if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                object.failure = $root.escrin.BlobFailure.toObject(message.failure, options, _depth + 1);
                if (options.oneofs)
                    object.result = "failure";
            }
            if (message.removed != null && $Object.hasOwnProperty.call(message, "removed")) {
                object.removed = $root.escrin.BlobRemoved.toObject(message.removed, options, _depth + 1);
                if (options.oneofs)
                    object.result = "removed";
            }
            return object;
        };

        /**
         * Converts this BlobResponse to JSON.
         * @function toJSON
         * @memberof escrin.BlobResponse
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobResponse.prototype.toJSON = function() {
            return BlobResponse.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobResponse;
    })();

    escrin.BlobFailure = (function() {

        /**
         * Properties of a BlobFailure.
         * @typedef {Object} escrin.BlobFailure.$Properties
         * @property {escrin.BlobErrorCode|null} [code] BlobFailure code
         * @property {string|null} [message] BlobFailure message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a BlobFailure.
         * @memberof escrin
         * @interface IBlobFailure
         * @augments escrin.BlobFailure.$Properties
         * @deprecated Use escrin.BlobFailure.$Properties instead.
         */

        /**
         * Shape of a BlobFailure.
         * @typedef {escrin.BlobFailure.$Properties} escrin.BlobFailure.$Shape
         */

        /**
         * Constructs a new BlobFailure.
         * @memberof escrin
         * @classdesc Represents a BlobFailure.
         * @constructor
         * @param {escrin.BlobFailure.$Properties=} [properties] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const BlobFailure = function (properties) {
            if (properties)
                for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                    if (properties[keys[i]] != null && keys[i] !== "__proto__")
                        this[keys[i]] = properties[keys[i]];
        };

        /**
         * BlobFailure code.
         * @member {escrin.BlobErrorCode} code
         * @memberof escrin.BlobFailure
         * @instance
         */
        BlobFailure.prototype.code = 0;

        /**
         * BlobFailure message.
         * @member {string} message
         * @memberof escrin.BlobFailure
         * @instance
         */
        BlobFailure.prototype.message = "";

        /**
         * Creates a new BlobFailure instance using the specified properties.
         * @function create
         * @memberof escrin.BlobFailure
         * @static
         * @param {escrin.BlobFailure.$Properties=} [properties] Properties to set
         * @returns {escrin.BlobFailure} BlobFailure instance
         * @type {{
         *   (properties: escrin.BlobFailure.$Shape): escrin.BlobFailure & escrin.BlobFailure.$Shape;
         *   (properties?: escrin.BlobFailure.$Properties): escrin.BlobFailure;
         * }}
         */
        BlobFailure.create = function(properties) {
            return new BlobFailure(properties);
        };

        /**
         * Encodes the specified BlobFailure message. Does not implicitly {@link escrin.BlobFailure.verify|verify} messages.
         * @function encode
         * @memberof escrin.BlobFailure
         * @static
         * @param {escrin.BlobFailure.$Properties} message BlobFailure message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        BlobFailure.encode = function (message, writer, _depth) {
            if (!writer)
                writer = $Writer.create();
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
            if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
            if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                for (let i = 0; i < message.$unknowns.length; ++i)
                    writer.raw(message.$unknowns[i]);
            return writer;
        };

        /**
         * Decodes a BlobFailure message from the specified reader or buffer.
         * @function decode
         * @memberof escrin.BlobFailure
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @param {number} [length] Message length if known beforehand
         * @returns {escrin.BlobFailure & escrin.BlobFailure.$Shape} BlobFailure
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        BlobFailure.decode = function (reader, length, _end, _depth, _target) {
            if (!(reader instanceof $Reader))
                reader = $Reader.create(reader);
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            let end, message, value;
            if (length === $undefined)
                end = reader.len;
            else {
                end = reader.pos + length;
                if (end > reader.len)
                    throw $RangeError("index out of range");
                length = reader.len;
                reader.len = end;
            }
            message = _target || new $root.escrin.BlobFailure();
            while (reader.pos < end) {
                let start = reader.pos;
                let tag = reader.tag();
                if (tag === _end) {
                    _end = $undefined;
                    break;
                }
                let wireType = tag & 7;
                switch (tag >>>= 3) {
                case 1: {
                        if (wireType !== 0)
                            break;
                        if (value = reader.int32())
                            message.code = value;
                        else
                            delete message.code;
                        continue;
                    }
                case 2: {
                        if (wireType !== 2)
                            break;
                        if ((value = reader.stringVerify()).length)
                            message.message = value;
                        else
                            delete message.message;
                        continue;
                    }
                }
                reader.skipType(wireType, _depth, tag);
                if (!reader.discardUnknown) {
                    $util.makeProp(message, "$unknowns", false);
                    (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                }
            }
            if (length !== $undefined) {
                if (reader.pos !== end)
                    throw $RangeError("index out of range");
                reader.len = length;
            }
            if (_end !== $undefined)
                throw $Error("missing end group");
            return message;
        };

        /**
         * Verifies a BlobFailure message.
         * @function verify
         * @memberof escrin.BlobFailure
         * @static
         * @param {Object.<string,*>} message Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        BlobFailure.verify = function (message, _depth) {
            if (typeof message !== "object" || message === null)
                return "object expected";
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                return "max depth exceeded";
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                if (typeof message.code !== "number" || (message.code | 0) !== message.code)
                    return "code: enum value expected";
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                if (!$util.isString(message.message))
                    return "message: string expected";
            return null;
        };

        /**
         * Creates a BlobFailure message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof escrin.BlobFailure
         * @static
         * @param {Object.<string,*>} object Plain object
         * @returns {escrin.BlobFailure} BlobFailure
         */
        BlobFailure.fromObject = function (object, _depth) {
            if (object instanceof $root.escrin.BlobFailure)
                return object;
            if (!$util.isObject(object))
                throw $TypeError(".escrin.BlobFailure: object expected");
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let message = new $root.escrin.BlobFailure();
            if (object.code !== 0 && (typeof object.code !== "string" || $root.escrin.BlobErrorCode[object.code] !== 0))
                switch (object.code) {
                case "BLOB_ERROR_UNSPECIFIED":
                case 0:
                    message.code = 0;
                    break;
                case "BLOB_MALFORMED":
                case 1:
                    message.code = 1;
                    break;
                case "BLOB_NOT_FOUND":
                case 2:
                    message.code = 2;
                    break;
                case "BLOB_TOO_LARGE":
                case 3:
                    message.code = 3;
                    break;
                case "BLOB_QUOTA_EXCEEDED":
                case 4:
                    message.code = 4;
                    break;
                case "BLOB_OUT_OF_SCOPE":
                case 5:
                    message.code = 5;
                    break;
                case "BLOB_CORRUPTED":
                case 6:
                    message.code = 6;
                    break;
                case "BLOB_BUSY":
                case 7:
                    message.code = 7;
                    break;
                case "BLOB_SHUTTING_DOWN":
                case 8:
                    message.code = 8;
                    break;
                case "BLOB_INTERNAL":
                case 9:
                    message.code = 9;
                    break;
                case "BLOB_BAD_SIGNATURE":
                case 10:
                    message.code = 10;
                    break;
                case "BLOB_DELETED":
                case 11:
                    message.code = 11;
                    break;
                default:
                    if (typeof object.code === "number" && (object.code | 0) === object.code)
                        message.code = object.code;
                }
            if (object.message != null)
                if (typeof object.message !== "string" || object.message.length)
                    message.message = $String(object.message);
            return message;
        };

        /**
         * Creates a plain object from a BlobFailure message. Also converts values to other types if specified.
         * @function toObject
         * @memberof escrin.BlobFailure
         * @static
         * @param {escrin.BlobFailure} message BlobFailure
         * @param {$protobuf.IConversionOptions} [options] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        BlobFailure.toObject = function (message, options, _depth) {
            if (!options)
                options = {};
            if (_depth === $undefined)
                _depth = 0;
            if (_depth > $util.recursionLimit)
                throw $Error("max depth exceeded");
            let object = {};
            if (options.defaults) {
                object.code = options.enums === $String ? "BLOB_ERROR_UNSPECIFIED" : 0;
                object.message = "";
            }
            if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                object.code = options.enums === $String ? $root.escrin.BlobErrorCode[message.code] === $undefined ? message.code : $root.escrin.BlobErrorCode[message.code] : message.code;
            if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                object.message = message.message;
            return object;
        };

        /**
         * Converts this BlobFailure to JSON.
         * @function toJSON
         * @memberof escrin.BlobFailure
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        BlobFailure.prototype.toJSON = function() {
            return BlobFailure.toObject(this, $protobuf.util.toJSONOptions);
        };

        return BlobFailure;
    })();

    /**
     * BlobErrorCode enum.
     * @name escrin.BlobErrorCode
     * @enum {number}
     * @property {number} BLOB_ERROR_UNSPECIFIED=0 BLOB_ERROR_UNSPECIFIED value
     * @property {number} BLOB_MALFORMED=1 BLOB_MALFORMED value
     * @property {number} BLOB_NOT_FOUND=2 BLOB_NOT_FOUND value
     * @property {number} BLOB_TOO_LARGE=3 BLOB_TOO_LARGE value
     * @property {number} BLOB_QUOTA_EXCEEDED=4 BLOB_QUOTA_EXCEEDED value
     * @property {number} BLOB_OUT_OF_SCOPE=5 BLOB_OUT_OF_SCOPE value
     * @property {number} BLOB_CORRUPTED=6 BLOB_CORRUPTED value
     * @property {number} BLOB_BUSY=7 BLOB_BUSY value
     * @property {number} BLOB_SHUTTING_DOWN=8 BLOB_SHUTTING_DOWN value
     * @property {number} BLOB_INTERNAL=9 BLOB_INTERNAL value
     * @property {number} BLOB_BAD_SIGNATURE=10 BLOB_BAD_SIGNATURE value
     * @property {number} BLOB_DELETED=11 BLOB_DELETED value
     */
    escrin.BlobErrorCode = (function() {
        const valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "BLOB_ERROR_UNSPECIFIED"] = 0;
        values[valuesById[1] = "BLOB_MALFORMED"] = 1;
        values[valuesById[2] = "BLOB_NOT_FOUND"] = 2;
        values[valuesById[3] = "BLOB_TOO_LARGE"] = 3;
        values[valuesById[4] = "BLOB_QUOTA_EXCEEDED"] = 4;
        values[valuesById[5] = "BLOB_OUT_OF_SCOPE"] = 5;
        values[valuesById[6] = "BLOB_CORRUPTED"] = 6;
        values[valuesById[7] = "BLOB_BUSY"] = 7;
        values[valuesById[8] = "BLOB_SHUTTING_DOWN"] = 8;
        values[valuesById[9] = "BLOB_INTERNAL"] = 9;
        values[valuesById[10] = "BLOB_BAD_SIGNATURE"] = 10;
        values[valuesById[11] = "BLOB_DELETED"] = 11;
        return values;
    })();

    return escrin;
})();

export {
  $root as default
};
