import { createRequire as __bulkOpsCreateRequire } from 'node:module'; const require = __bulkOpsCreateRequire(import.meta.url);
import {
  GLOBSTAR,
  Minimatch
} from "./chunk-RRXU33PT.js";
import {
  __commonJS,
  __export,
  __require,
  __toESM
} from "./chunk-VRMLMZSR.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map2 = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map2.items.push(value);
        return map2;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str2 += "\\x" + code2.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map2, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map2, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map2, it);
      else
        mergeValue(ctx, map2, source);
    }
    function mergeValue(ctx, map2, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map2 instanceof Map) {
          if (!map2.has(key))
            map2.set(key, value2);
        } else if (map2 instanceof Set) {
          map2.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
          Object.defineProperty(map2, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map2;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map2, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map2, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map2, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map2 instanceof Map) {
          map2.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map2 instanceof Set) {
          map2.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map2)
            Object.defineProperty(map2, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map2[stringKey] = jsValue;
        }
      }
      return map2;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map2 = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map2.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map2.items.sort(schema.sortMapEntries);
        }
        return map2;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map2);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map2, item);
        return map2;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map2 = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map3, onError) {
        if (!identity.isMap(map3))
          onError("Expected a mapping for this tag");
        return map3;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map2;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num2 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num2))
        return isNaN(num2) ? ".nan" : num2 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map2.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map2 = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map2.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs3 = new YAMLSeq.YAMLSeq(schema);
      pairs3.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs3.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs3;
    }
    var pairs2 = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs2;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs2 = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map2 = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map2);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map2.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map2.set(key, value);
        }
        return map2;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs2.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs2.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num2 = Number(node.value);
        return isFinite(num2) ? num2.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map2, onError) {
        if (identity.isMap(map2)) {
          if (map2.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map2);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map2;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num2 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num2(60) + num2(p), num2(0));
      return sign === "-" ? num2(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num2 = (n) => n;
      if (typeof value === "bigint")
        num2 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num2(-1);
      }
      const _60 = num2(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs2 = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map2.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs2.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map2 = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs2 = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map2.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map2.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs2.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs2.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map2 = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map2.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map2 = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map2.comment)
                map2.comment += "\n" + keyProps.comment;
              else
                map2.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map2.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map2.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map2.range = [bm.offset, offset, commentEnd ?? offset];
      return map2;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map2 = coll;
            if (utilMapIncludes.mapIncludes(ctx, map2.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map2.items.push(pair);
          } else {
            const map2 = new YAMLMap.YAMLMap(ctx.schema);
            map2.flow = true;
            map2.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map2.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map2);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state2) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state2;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map2 = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map2;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map2) {
        const it = map2.items[map2.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map2.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map2.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map2.indent)) {
                const prev = map2.items[map2.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map2.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map2.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map2.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map2.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map2.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map2.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map2.items.push({ start, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map2);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map2.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map2 = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map2;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/errors.ts
function formatLocation(where) {
  const parts = [];
  if (where.file) {
    parts.push(where.line !== void 0 ? `${where.file}:${where.line}:${where.column ?? 1}` : where.file);
  }
  if (where.op !== void 0) {
    const tags = [where.id, where.kind].filter(Boolean).join(", ");
    parts.push(`operations[${where.op}]${tags ? ` (${tags})` : ""}`);
  }
  if (where.field) parts.push(where.field);
  return parts.join(": ");
}
var PlanError = class extends Error {
  where;
  detail;
  constructor(detail, where = {}) {
    const loc = formatLocation(where);
    super(loc ? `${loc}: ${detail}` : detail);
    this.name = "PlanError";
    this.where = where;
    this.detail = detail;
  }
};
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var ResumeError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ResumeError";
  }
};
var OpError = class extends Error {
  transient;
  code;
  constructor(message, opts = {}) {
    super(message);
    this.name = "OpError";
    this.transient = opts.transient ?? false;
    this.code = opts.code;
  }
};
var TRANSIENT_CODES = /* @__PURE__ */ new Set(["EBUSY", "EAGAIN", "EMFILE", "ENFILE", "ETXTBSY", "EINTR"]);
function isTransient(err) {
  if (err instanceof OpError) return err.transient;
  const code2 = err?.code;
  return typeof code2 === "string" && TRANSIENT_CODES.has(code2);
}
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

// src/plan/paths.ts
import { lstatSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { dirname, posix, resolve, sep } from "node:path";
var NEEDS_A_LOOK = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$|\\|\0|^[a-z]:|(?:^|\/)\.git(?:\/|$)|^\.bulk-ops(?:\/|$)/i;
function isPlainPath(p) {
  return p.length > 0 && !NEEDS_A_LOOK.test(p);
}
function pathProblem(p) {
  if (p.length === 0) return "is empty";
  if (!NEEDS_A_LOOK.test(p)) return null;
  if (p.includes("\0")) return "contains a NUL byte";
  if (/^[A-Za-z]:/.test(p) || p.startsWith("\\\\")) {
    return `'${p}' is a Windows absolute path; paths are relative to the workspace and use '/'`;
  }
  if (p.startsWith("/")) return `'${p}' is absolute; paths are relative to the workspace`;
  if (p.includes("\\")) return `'${p}' contains a backslash; use '/' as the separator`;
  const norm = posix.normalize(p);
  if (norm === ".." || norm.startsWith("../")) return `'${p}' leaves the workspace`;
  const segs = norm.split("/");
  if (segs.some((s) => s.toLowerCase() === ".git"))
    return `'${p}' is inside .git/, which bulk-ops never touches`;
  if (segs[0].toLowerCase() === ".bulk-ops") {
    return `'${p}' is inside .bulk-ops/, bulk-ops' own state directory`;
  }
  return null;
}
function planPathProblem(p) {
  const problem = pathProblem(p);
  if (problem) return problem;
  if (/%2e|%2f|%5c/i.test(p)) {
    return `'${p}' contains a percent-encoded '.', '/' or '\\'; paths are not URL-decoded, write the path plainly`;
  }
  return null;
}
function normalizeRel(p) {
  if (p !== "" && !/(^|\/)\.\.?(\/|$)|\/\/|\/$/.test(p)) return p;
  const n = posix.normalize(p).replace(/\/+$/, "");
  return n === "" ? "." : n;
}
function toRel(root, abs) {
  const r = abs === root ? "." : abs.slice(root.length + 1);
  return sep === "/" ? r : r.split(sep).join("/");
}
function isInside(root, abs) {
  return abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep);
}
var RESOLVED_MEMO = 16;
var Sandbox = class {
  /**
   * `view`, when given, is the filesystem operations see (a dry-run's overlay): parents are
   * judged as they will be at that point of the run, not as they are on disk.
   */
  constructor(root, view) {
    this.view = view;
    this.root = resolve(root);
  }
  view;
  root;
  realRoot = "";
  okDirs = /* @__PURE__ */ new Map();
  /**
   * The last few paths `resolve` accepted, while their parents' verdicts stand: a ring of
   * RESOLVED_MEMO pairs (a Map cleared every few operations would allocate a table each time).
   */
  memoRel = new Array(RESOLVED_MEMO);
  memoAbs = new Array(RESOLVED_MEMO);
  memoNext = 0;
  /** Some path of this run passed through a symlinked directory, so two paths may name one file. */
  throughSymlink = false;
  async init() {
    this.realRoot = await realpath(this.root);
  }
  invalidate() {
    this.okDirs.clear();
    this.memoRel.fill(void 0);
  }
  /**
   * Like `resolve`, but `rel` is a directory that will be looked into (a glob's prefix, the fixed
   * part of a template), so a symlink at `rel` itself counts too.
   */
  async resolveDir(rel) {
    const problem = pathProblem(rel);
    if (problem) throw new Error(problem);
    const norm = normalizeRel(rel);
    if (norm === ".") return this.root;
    const bad = await this.checkDir(norm);
    if (bad) throw new Error(`'${rel}' ${bad}`);
    return this.root + sep + (sep === "/" ? norm : norm.split("/").join(sep));
  }
  /**
   * `resolve` without a promise, for the common case: the absolute path of an acceptable `rel`
   * whose parent's verdict (inside the workspace) is cached; undefined when `resolve` must decide.
   */
  resolveKnown(rel) {
    const memo = this.memoRel;
    for (let n = 0, k = this.memoNext; n < RESOLVED_MEMO; n++) {
      k = k === 0 ? RESOLVED_MEMO - 1 : k - 1;
      if (memo[k] === rel) return this.memoAbs[k];
    }
    let norm;
    if (isPlainPath(rel)) norm = rel;
    else {
      if (pathProblem(rel) !== null) return void 0;
      norm = normalizeRel(rel);
    }
    if (norm === ".") return this.root;
    const slash = norm.lastIndexOf("/");
    if (slash >= 0 && this.okDirs.get(norm.slice(0, slash)) !== null) return void 0;
    return this.remember(rel, this.root + sep + (sep === "/" ? norm : norm.split("/").join(sep)));
  }
  /**
   * True when `rel` is acceptable, already normal, and its parent's verdict (inside the
   * workspace) is cached: what `resolveKnown` accepts, decided without building the path.
   */
  knownInside(rel) {
    if (!isPlainPath(rel)) return false;
    const slash = rel.lastIndexOf("/");
    return slash < 0 || this.okDirs.get(rel.slice(0, slash)) === null;
  }
  remember(rel, abs) {
    this.memoRel[this.memoNext] = rel;
    this.memoAbs[this.memoNext] = abs;
    this.memoNext = (this.memoNext + 1) % RESOLVED_MEMO;
    return abs;
  }
  /** Absolute path for `rel`, or throws an Error naming the escape. */
  async resolve(rel) {
    const known = this.resolveKnown(rel);
    if (known !== void 0) return known;
    const problem = pathProblem(rel);
    if (problem) throw new Error(problem);
    const norm = normalizeRel(rel);
    if (norm === ".") return this.root;
    const abs = this.root + sep + (sep === "/" ? norm : norm.split("/").join(sep));
    const parent = norm.includes("/") ? norm.slice(0, norm.lastIndexOf("/")) : ".";
    const bad = await this.checkDir(parent);
    if (bad) throw new Error(`'${rel}' ${bad}`);
    return parent === "." || this.okDirs.has(parent) ? this.remember(rel, abs) : abs;
  }
  /** null when every existing component of `dir` stays inside the workspace. */
  async checkDir(dir) {
    if (dir === ".") return null;
    const cached = this.okDirs.get(dir);
    if (cached !== void 0) return cached;
    const up = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : ".";
    const upVerdict = await this.checkDir(up);
    if (upVerdict) return upVerdict;
    const abs = this.root + sep + dir;
    let type;
    if (this.view) type = (await this.view.lstat(abs).catch(() => null))?.type ?? null;
    else {
      let st;
      try {
        st = lstatSync(abs, { throwIfNoEntry: false });
      } catch {
        st = void 0;
      }
      type = !st ? null : st.isSymbolicLink() ? "symlink" : st.isDirectory() ? "dir" : "file";
    }
    let verdict = null;
    if (type === "symlink") {
      this.throughSymlink = true;
      verdict = await this.linkVerdict(dir, abs);
    } else if (type !== null && type !== "dir") verdict = `has a parent '${dir}' that is not a directory`;
    if (type !== null || verdict) this.okDirs.set(dir, verdict);
    return verdict;
  }
  async linkVerdict(dir, abs) {
    let target;
    if (this.view) {
      const lexical = resolve(dirname(abs), await this.view.readlink(abs));
      if (!isInside(this.root, lexical))
        return `passes through symlink '${dir}', which points outside the workspace`;
      target = await realpath(lexical).catch(() => lexical);
    } else {
      target = await realpath(abs).catch(() => null);
    }
    if (target === null) return `passes through a dangling symlink '${dir}'`;
    if (!isInside(this.realRoot, target) && !isInside(this.root, target)) {
      return `passes through symlink '${dir}', which points outside the workspace`;
    }
    const rel = isInside(this.realRoot, target) ? toRel(this.realRoot, target) : toRel(this.root, target);
    if (rel !== "." && pathProblem(rel) !== null)
      return `passes through symlink '${dir}', which points into a reserved directory`;
    return null;
  }
};

// src/journal/snapshot.ts
import { createHash } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname as dirname2 } from "node:path";
var MAGIC = "bulk-ops-snapshot 1";
var SnapshotError = class extends Error {
};
function fsyncDir(dir) {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
  }
}
function writeAtomic(path, data) {
  writeAtomicPieces(path, [data]);
}
function writeAtomicPieces(path, pieces, { durable = true } = {}) {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    for (const piece of pieces) {
      const buf = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off);
    }
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (durable) fsyncDir(dirname2(path));
}
function encodeSnapshot(body) {
  const json = JSON.stringify(body);
  const sum = createHash("sha256").update(json).digest("hex");
  return `${MAGIC} ${sum}
${json}`;
}
function decodeSnapshot(text) {
  const nl = text.indexOf("\n");
  const head = nl >= 0 ? text.slice(0, nl) : text;
  const m = /^bulk-ops-snapshot 1 ([0-9a-f]{64})$/.exec(head);
  if (!m) throw new SnapshotError("not a bulk-ops snapshot (bad header)");
  const json = text.slice(nl + 1);
  const sum = createHash("sha256").update(json).digest("hex");
  if (sum !== m[1]) throw new SnapshotError("checksum mismatch");
  const body = JSON.parse(json);
  if (!body || typeof body !== "object") throw new SnapshotError("body is not an object");
  return body;
}
function readSnapshot(path) {
  return decodeSnapshot(readFileSync(path, "utf8"));
}
function writeSnapshot(path, prevPath, body) {
  const text = encodeSnapshot(body);
  try {
    renameSync(path, prevPath);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
  writeAtomic(path, text);
}

// src/journal/journal.ts
import { existsSync, mkdirSync, readFileSync as readFileSync2, rmSync } from "node:fs";
import { join as join2 } from "node:path";

// src/plan/expand.ts
import { posix as posix3 } from "node:path";

// src/fs/overlay-fs.ts
import { basename, dirname as dirname3, join } from "node:path";

// src/fs/types.ts
function statType(s) {
  if (s.isSymbolicLink()) return "symlink";
  if (s.isDirectory()) return "dir";
  if (s.isFile()) return "file";
  return "other";
}
function specialFile(path) {
  return Object.assign(new Error(`cannot copy '${path}': not a file, directory or symlink`), {
    code: "ESPECIAL",
    path
  });
}
var UNFINISHED_MODE = 0;
function isUnfinishedFile(s, size) {
  return s.type === "file" && s.mode === UNFINISHED_MODE && s.size <= size;
}

// src/fs/overlay-fs.ts
var OverlayFs = class {
  constructor(base) {
    this.base = base;
  }
  base;
  simulated = true;
  /** null marks a removed path. */
  nodes = /* @__PURE__ */ new Map();
  children = /* @__PURE__ */ new Map();
  /** Paths that exist only in the overlay, for glob expansion. */
  *createdPaths() {
    for (const [p, n] of this.nodes) if (n) yield [p, n.type];
  }
  set(p, n) {
    this.nodes.set(p, n);
    const parent = dirname3(p);
    let set = this.children.get(parent);
    if (!set) this.children.set(parent, set = /* @__PURE__ */ new Set());
    set.add(basename(p));
  }
  drop(p) {
    const prefix = p + "/";
    for (const k of [...this.nodes.keys()]) if (k.startsWith(prefix)) this.nodes.delete(k);
    for (const k of [...this.children.keys()]) if (k === p || k.startsWith(prefix)) this.children.delete(k);
  }
  /** The overlay's verdict on `p`: a node, 'gone', or undefined when the base decides. */
  own(p) {
    const n = this.nodes.get(p);
    if (n !== void 0) return n ?? "gone";
    for (let up = dirname3(p), prev = p; up !== prev; prev = up, up = dirname3(up)) {
      const a = this.nodes.get(up);
      if (a === null) return "gone";
      if (a && a.type === "dir") return "gone";
      if (a) return "gone";
    }
    return void 0;
  }
  async lstat(p) {
    const o = this.own(p);
    if (o === "gone") return null;
    if (o) return { type: o.type, mode: o.mode, size: sizeOf(o) };
    return this.base.lstat(p);
  }
  async readFile(p) {
    const o = this.own(p);
    if (o === "gone") throw enoent(p);
    if (o) {
      if (o.type !== "file") throw Object.assign(new Error(`EISDIR: '${p}'`), { code: "EISDIR" });
      return "data" in o ? o.data : this.base.readFile(o.ref);
    }
    return this.base.readFile(p);
  }
  async readlink(p) {
    const o = this.own(p);
    if (o === "gone") throw enoent(p);
    if (o) {
      if (o.type !== "symlink") throw Object.assign(new Error(`EINVAL: '${p}'`), { code: "EINVAL" });
      return o.target;
    }
    return this.base.readlink(p);
  }
  async readdir(p) {
    const o = this.own(p);
    if (o === "gone") throw enoent(p);
    const names = new Set(o ? [] : await this.base.readdir(p));
    for (const name of this.children.get(p) ?? []) {
      if (this.nodes.get(join(p, name))) names.add(name);
      else names.delete(name);
    }
    return [...names];
  }
  /** As on disk, a new entry needs an existing directory (or a link to one) to go in. */
  async parentMustBeDir(p, syscall) {
    const s = await this.lstat(dirname3(p));
    if (!s) throw Object.assign(enoent(p), { syscall });
    if (s.type === "file" || s.type === "other") {
      throw Object.assign(new Error(`ENOTDIR: not a directory, ${syscall} '${p}'`), { code: "ENOTDIR" });
    }
  }
  async writeFile(p, data, mode) {
    await this.parentMustBeDir(p, "open");
    this.drop(p);
    this.set(p, { type: "file", mode, data: Buffer.from(data) });
  }
  async createFile(p, data, mode) {
    await this.parentMustBeDir(p, "open");
    if (await this.lstat(p)) {
      throw Object.assign(new Error(`EEXIST: file already exists, open '${p}'`), { code: "EEXIST" });
    }
    this.set(p, { type: "file", mode, data: Buffer.from(data) });
  }
  async mkdirp(p) {
    const created = [];
    let cur = p;
    let found;
    while ((found = await this.lstat(cur)) === null) {
      created.unshift(cur);
      const up = dirname3(cur);
      if (up === cur) break;
      cur = up;
    }
    if (created.length > 0 && found && (found.type === "file" || found.type === "other")) {
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: "ENOTDIR" });
    }
    for (const d of created) this.set(d, { type: "dir", mode: 493 });
    return created;
  }
  async rename(from, to) {
    await this.copy(from, to);
    await this.rm(from);
  }
  async copy(from, to) {
    const entries = [];
    await this.snapshot(from, to, entries);
    await this.parentMustBeDir(to, "copy");
    this.drop(to);
    for (const [p, n] of entries) this.set(p, n);
  }
  async snapshot(from, to, out) {
    const s = await this.lstat(from);
    if (!s) throw enoent(from);
    if (s.type === "dir") {
      out.push([to, { type: "dir", mode: s.mode }]);
      for (const name of await this.readdir(from)) await this.snapshot(join(from, name), join(to, name), out);
    } else if (s.type === "symlink") {
      out.push([to, { type: "symlink", mode: s.mode, target: await this.readlink(from) }]);
    } else if (s.type === "other") {
      throw specialFile(from);
    } else {
      const o = this.own(from);
      const node = o && o !== "gone" && o.type === "file" ? { ...o, mode: s.mode } : { type: "file", mode: s.mode, ref: from, size: s.size };
      out.push([to, node]);
    }
  }
  async rm(p) {
    this.drop(p);
    this.set(p, null);
  }
  async chmod(p, mode) {
    const s = await this.lstat(p);
    if (!s) throw enoent(p);
    const o = this.own(p);
    if (o && o !== "gone") this.set(p, { ...o, mode });
    else if (s.type === "file") this.set(p, { type: "file", mode, ref: p, size: s.size });
    else if (s.type === "dir") {
      await this.copy(p, p);
      this.set(p, { type: "dir", mode });
    }
  }
};
function sizeOf(n) {
  if (n.type === "file") return "data" in n ? n.data.length : n.size;
  if (n.type === "symlink") return Buffer.byteLength(n.target);
  return 0;
}
function enoent(p) {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: "ENOENT" });
}

// src/plan/glob-syntax.ts
function isGlob(s) {
  return /[*?[]/.test(s);
}
function globProblem(g) {
  if (/[\r\n]/.test(g)) return "contains a line break";
  if (g.startsWith("!")) return "starts with '!' (negated patterns are not supported)";
  if (g.startsWith("#")) return "starts with '#' (read as a comment by the glob library)";
  if (g === "~" || g.startsWith("~/")) return "starts with '~' (the home directory is outside the workspace)";
  if (/(^|\/)\.\.?(\/|$)/.test(g) && isGlob(g)) return "contains '.' or '..' segments";
  if (/\[[^\]]*$/.test(g)) return "has an unclosed '['";
  return null;
}
function globPrefix(g) {
  if (!isGlob(g)) {
    const head = g.slice(0, Math.max(0, g.lastIndexOf("/")));
    if (!head.includes("//") && !head.startsWith("/") && !head.endsWith("/")) return head === "" ? "." : head;
  }
  const segs = g.split("/");
  const lit = [];
  for (const s of segs) {
    if (isGlob(s)) break;
    lit.push(s);
  }
  if (lit.length === segs.length) lit.pop();
  const p = lit.filter((s) => s !== "").join("/");
  return p === "" ? "." : p;
}

// src/plan/match-list.ts
var PACK_AFTER = 64;
var MAX_BYTES = 4294967295;
var MatchList = class _MatchList {
  constructor(length, strings, bytes, ends) {
    this.length = length;
    this.strings = strings;
    this.bytes = bytes;
    this.ends = ends;
  }
  length;
  strings;
  bytes;
  ends;
  static EMPTY = new _MatchList(0, [], null, null);
  /** The list of `strings` (the array itself, not a copy: the caller gives it up). */
  static of(strings) {
    return strings.length === 0 ? _MatchList.EMPTY : new _MatchList(strings.length, strings, null, null);
  }
  /** The list of `xs`, packed when it is large. */
  static from(xs) {
    if (xs instanceof _MatchList) return xs;
    if (Array.isArray(xs) && xs.length <= PACK_AFTER) return _MatchList.of(xs);
    const b = new MatchListBuilder();
    for (const x of xs) b.push(x);
    return b.finish();
  }
  /** @internal Used by MatchListBuilder. */
  static packed(length, bytes, ends) {
    return new _MatchList(length, null, bytes, ends);
  }
  /** The i-th match; `i` must be in [0, length). */
  get(i) {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`match ${i} of ${this.length}`);
    if (this.strings) return this.strings[i];
    const ends = this.ends;
    return this.bytes.toString("utf8", i === 0 ? 0 : ends[i - 1], ends[i]);
  }
  /** Matches [from, to) as strings. */
  slice(from = 0, to = this.length) {
    const end = Math.min(to, this.length);
    if (this.strings) return this.strings.slice(from, end);
    const out = [];
    for (let i = from; i < end; i++) out.push(this.get(i));
    return out;
  }
  /**
   * A packed list's UTF-8 bytes and where each match ends in them (match i is
   * `bytes[ends[i - 1] ?? 0, ends[i])`), for comparing matches without making strings; null for a
   * list kept as strings.
   */
  packedBytes() {
    return this.bytes && this.ends ? { bytes: this.bytes, ends: this.ends } : null;
  }
  *[Symbol.iterator]() {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }
  /** As JSON, the array of its strings (the journal's record and a format-1 snapshot). */
  toJSON() {
    return this.slice();
  }
};
var MatchListBuilder = class {
  strings = [];
  bytes = null;
  ends = null;
  used = 0;
  /** A string UTF-8 cannot carry was seen: the list stays strings. */
  plain = false;
  length = 0;
  push(s) {
    if (this.strings) {
      this.strings.push(s);
      this.length++;
      if (this.length > PACK_AFTER && !this.plain) this.pack();
      return;
    }
    if (!s.isWellFormed()) return this.unpack(s);
    let bytes = this.bytes;
    if (this.used + 3 * s.length > bytes.length) bytes = this.grow(this.used + 3 * s.length);
    this.used += bytes.write(s, this.used, "utf8");
    this.ended();
  }
  /** Records where the match just written ends. */
  ended() {
    if (this.used > MAX_BYTES) throw new RangeError("the matches of one expansion exceed 4 GiB");
    if (this.length === this.ends.length) {
      const ends = new Uint32Array(this.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.length++] = this.used;
  }
  /** Adds the match whose UTF-8 bytes are `src[start, end)`, without making it a string first. */
  pushBytes(src, start, end) {
    if (this.strings) return this.push(src.toString("utf8", start, end));
    let bytes = this.bytes;
    if (this.used + end - start > bytes.length) bytes = this.grow(this.used + end - start);
    this.used += src.copy(bytes, this.used, start, end);
    this.ended();
  }
  /** The list built so far (the builder is not used after this). */
  finish() {
    if (this.strings) return MatchList.of(this.strings);
    let bytes = this.bytes;
    if (bytes.length - this.used > Math.max(1 << 20, bytes.length / 4)) {
      const exact = Buffer.allocUnsafeSlow(this.used);
      bytes.copy(exact, 0, 0, this.used);
      bytes = exact;
    }
    return MatchList.packed(this.length, bytes.subarray(0, this.used), this.ends);
  }
  /** Moves the strings so far into bytes, if every one of them is well-formed. */
  pack() {
    const strings = this.strings;
    if (!strings.every((s) => s.isWellFormed())) {
      this.plain = true;
      return;
    }
    this.strings = null;
    this.bytes = Buffer.allocUnsafeSlow(64 * 1024);
    this.ends = new Uint32Array(1024);
    this.length = 0;
    for (const s of strings) this.push(s);
  }
  /** Back to strings, for good (a string UTF-8 cannot carry): rare, and small lists only in practice. */
  unpack(s) {
    const list = MatchList.packed(this.length, this.bytes.subarray(0, this.used), this.ends);
    this.strings = [...list, s];
    this.length++;
    this.plain = true;
    this.bytes = null;
    this.ends = null;
  }
  grow(need) {
    const old = this.bytes;
    const bytes = Buffer.allocUnsafeSlow(Math.max(need, old.length * 2));
    old.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
    return bytes;
  }
};

// src/plan/walk.ts
import { isUtf8 } from "node:buffer";
import { lstatSync as lstatSync2, readdirSync } from "node:fs";

// src/heap.ts
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
var MAX_SEMI_SPACE_MIB = 16;
var state = "free";
var watch;
function semiSpace() {
  return (getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0) / 2;
}
function boundYoungGeneration() {
  if (state !== "free") return;
  state = "bounding";
  if (youngGenerationChecked()) return;
  watch = new PerformanceObserver(() => youngGenerationChecked());
  watch.observe({ entryTypes: ["gc"] });
}
function youngGenerationChecked() {
  if (state !== "bounding") return state === "bounded";
  if (semiSpace() < MAX_SEMI_SPACE_MIB * 1024 * 1024) return false;
  setFlagsFromString("--semi-space-growth-factor=1");
  state = "bounded";
  watch?.disconnect();
  return true;
}

// src/plan/walk.ts
var MINIMATCH_OPTIONS = {
  dot: true,
  nobrace: true,
  nocase: false,
  nocomment: true,
  noext: true,
  nonegate: true
};
function literalOf(segment) {
  let literal = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "\\" && i + 1 < segment.length) {
      literal += segment[++i];
      continue;
    }
    if (c === "*" || c === "?") return "";
    if (c === "[" && i + 1 < segment.length) {
      let set = "";
      let closed = -1;
      for (let j = i + 1; j < segment.length; j++) {
        const d = segment[j];
        if (d === "\\" && j + 1 < segment.length) {
          set += segment[++j];
          continue;
        }
        if (d === "]") {
          closed = j;
          break;
        }
        set += d;
      }
      if (closed >= 0) {
        if (set.length > 1) return "";
        if (set) {
          literal += set;
          i = closed;
          continue;
        }
      }
    }
    literal += c;
  }
  return literal;
}
function compileGlob(absPattern) {
  if (process.platform === "win32") return null;
  if (/[\r\n]/.test(absPattern)) return null;
  let pattern = absPattern.trim();
  if (!pattern.startsWith("/")) return null;
  pattern = pattern.replace(/\/\/+/g, "/");
  const dirsOnly = pattern.endsWith("/") && pattern !== "/";
  if (dirsOnly) pattern = pattern.slice(0, -1);
  const segments = pattern === "/" ? ["/"] : ["/", ...pattern.slice(1).split("/")];
  const literals = segments.map(literalOf);
  if (literals.some((x, i) => x === "." && i > 0 || x === "..")) return null;
  const search = [];
  for (const l of literals) {
    if (l === "") break;
    search.push(l);
  }
  const searchPath = search.length === 1 ? "/" : `/${search.slice(1).join("/")}`;
  const mm = new Minimatch(pattern, MINIMATCH_OPTIONS);
  if (mm.set.length !== 1 || mm.negate || mm.comment || mm.empty) return null;
  const set = mm.set[0];
  const trailingGlobstar = segments[segments.length - 1] === "**";
  const depthLimit = set.includes(GLOBSTAR) ? Infinity : set.length;
  const c = {
    searchPath,
    dirsOnly,
    mm,
    set,
    trailingGlobstar,
    depthLimit,
    matches: (abs) => matchSegs(c, abs.split(/\/+/))
  };
  return c;
}
function matchSegs(c, segs) {
  if (c.trailingGlobstar) {
    segs.push("");
    const hit = c.mm.matchOne(segs, c.set, false);
    segs.pop();
    return hit;
  }
  return c.mm.matchOne(segs, c.set, false);
}
function partialSegs(c, segs) {
  if (segs.length === 2 && segs[1] === "") return true;
  return c.mm.matchOne(segs, c.set, true);
}
function escapeName(raw) {
  let out = "";
  let i = 0;
  while (i < raw.length) {
    const b = raw[i];
    const len = b < 128 ? 1 : b >= 240 && b < 245 ? 4 : b >= 224 ? 3 : b >= 194 && b < 224 ? 2 : 0;
    const chunk = len > 0 ? raw.subarray(i, i + len) : null;
    if (chunk && chunk.length === len && (len === 1 ? b >= 32 && b !== 127 : isUtf8(chunk))) {
      out += b === 92 ? "\\\\" : chunk.toString("utf8");
      i += len;
    } else {
      out += `\\x${b.toString(16).padStart(2, "0")}`;
      i++;
    }
  }
  return out;
}
function childRel(rel, name) {
  if (rel === ".") return name;
  return rel.endsWith("/") ? [rel, name].join("") : [rel, name].join("/");
}
var byKey = (a, b) => a.key < b.key ? -1 : 1;
function walkGlob(glob, root, keep, skipDir = () => false, accept = () => true) {
  const c = glob;
  const start = c.searchPath;
  if (start !== root && !start.startsWith(root === "/" ? "/" : `${root}/`)) {
    throw new Error(`the glob's search path '${start}' is not under '${root}'`);
  }
  const out = new MatchListBuilder();
  const undecodable = [];
  let st;
  try {
    st = lstatSync2(start);
  } catch (err) {
    if (err.code === "ENOENT") return { matches: out.finish(), undecodable };
    throw err;
  }
  const segs = start.split(/\/+/);
  const rootLen = root === "/" ? 0 : root.length + 1;
  const relOf = (abs) => abs.length < rootLen ? "." : abs.slice(rootLen);
  const self = (rel2, type2) => {
    if ((type2 === "dir" || !c.dirsOnly) && keep(type2) && matchSegs(c, segs) && accept(rel2)) out.push(rel2);
  };
  const below = (abs, rel2) => {
    if (segs.length >= c.depthLimit || skipDir(rel2)) return;
    youngGenerationChecked();
    const entries = readdirSync(abs, { withFileTypes: true });
    const items = [];
    let raw = null;
    for (const e of entries) {
      const name = e.name;
      const type2 = statType(e);
      if (name.includes("\uFFFD")) {
        raw ??= rawNames(abs);
        const bad = raw.get(name);
        if (bad?.length) {
          segs.push(name);
          const hit = matchSegs(c, segs);
          const reach = hit || type2 === "dir" && partialSegs(c, segs);
          segs.pop();
          const rawName = bad.shift();
          if (reach) {
            const prefix = rel2 === "." ? "" : `${escapeName(Buffer.from(rel2, "utf8"))}/`;
            undecodable.push({ escaped: prefix + escapeName(rawName), type: type2 });
          }
          continue;
        }
      }
      items.push({ key: name, name, type: type2, below: false });
      if (type2 === "dir") items.push({ key: `${name}/`, name, type: type2, below: true });
    }
    items.sort(byKey);
    for (const it of items) {
      segs.push(it.name);
      const childRelPath = childRel(rel2, it.name);
      if (!it.below) self(childRelPath, it.type);
      else if (matchSegs(c, segs) || partialSegs(c, segs)) {
        below(abs === "/" ? `/${it.name}` : `${abs}/${it.name}`, childRelPath);
      }
      segs.pop();
    }
  };
  const type = statType(st);
  const rel = relOf(start);
  self(rel, type);
  if (type === "dir" && (matchSegs(c, segs) || partialSegs(c, segs))) below(start, rel);
  return { matches: out.finish(), undecodable };
}
function rawNames(dir) {
  const out = /* @__PURE__ */ new Map();
  for (const b of readdirSync(dir, { encoding: "buffer" })) {
    if (isUtf8(b)) continue;
    const k = b.toString("utf8");
    let list = out.get(k);
    if (!list) out.set(k, list = []);
    list.push(b);
  }
  return out;
}

// src/plan/template.ts
import { posix as posix2 } from "node:path";
var PLACEHOLDERS = ["path", "dir", "name", "stem", "ext", "relpath"];
var PATHS_ITEM = "{paths}";
var TemplateError = class extends Error {
  /** For an unknown placeholder, its name (so callers can suggest a known one). */
  placeholder;
  constructor(message, placeholder) {
    super(message);
    this.name = "TemplateError";
    this.placeholder = placeholder;
  }
};
function isPlainText(text) {
  return text.indexOf("{") < 0 && text.indexOf("}") < 0;
}
function parseTemplate(text) {
  if (isPlainText(text)) return text ? [text] : [];
  const parts = [];
  let lit = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") {
      if (text[i + 1] === "{") {
        lit += "{";
        i++;
        continue;
      }
      const close = text.indexOf("}", i + 1);
      if (close < 0) {
        throw new TemplateError(
          `${quote(text)}: unclosed '{' at character ${i + 1} (write '{{' for a literal brace)`
        );
      }
      const name = text.slice(i + 1, close);
      if (!PLACEHOLDERS.includes(name)) {
        throw new TemplateError(
          `${quote(text)}: unknown placeholder {${name}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}; write '{{' for a literal brace)`,
          name
        );
      }
      if (lit) parts.push(lit);
      lit = "";
      parts.push({ var: name });
      i = close;
    } else if (c === "}") {
      if (text[i + 1] === "}") {
        lit += "}";
        i++;
        continue;
      }
      throw new TemplateError(
        `${quote(text)}: stray '}' at character ${i + 1} (write '}}' for a literal brace)`
      );
    } else {
      lit += c;
    }
  }
  if (lit) parts.push(lit);
  return parts;
}
function quote(text) {
  return `'${text.length > 80 ? `${text.slice(0, 77)}\u2026` : text}'`;
}
function hasPlaceholders(parts) {
  return parts.some((p) => typeof p !== "string");
}
function renderTemplate(parts, vars) {
  let out = "";
  for (const p of parts) out += typeof p === "string" ? p : vars[p.var];
  return out;
}
function literalText(text) {
  return renderTemplate(parseTemplate(text), {});
}
function templateVars(match, base) {
  const path = match.endsWith("/") ? match.replace(/\/+$/, "") : match;
  const name = posix2.basename(path);
  const ext = posix2.extname(name);
  const dir = posix2.dirname(path);
  let relpath = !base || base === "." ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : posix2.relative(base, path);
  if (!relpath || relpath.startsWith("..")) relpath = name;
  return { path, dir, name, stem: ext ? name.slice(0, -ext.length) : name, ext, relpath };
}

// src/plan/expand.ts
var NAMES_SHOWN = 20;
function undecodableWarning(pattern, left) {
  const shown = left.slice(0, NAMES_SHOWN).map((u) => u.type === "dir" ? `${u.escaped}/` : u.escaped);
  const more = left.length > NAMES_SHOWN ? `, and ${left.length - NAMES_SHOWN} more` : "";
  const n = left.length === 1 ? "1 entry whose name is" : `${left.length} entries whose names are`;
  return `glob '${pattern}' left out ${n} not valid UTF-8 (bulk-ops acts on UTF-8 names only; invalid bytes shown as \\xNN, a directory's contents were not looked at): ${shown.join(", ")}${more}`;
}
function globEscape(s) {
  return s.replace(/\\/g, "\\\\").replace(/\[(?=[^/]*\])/g, "[[]").replace(/\?/g, "[?]").replace(/\*/g, "[*]");
}
var keepAll = () => true;
function flat(s) {
  return Buffer.from(s, "utf8").toString("utf8");
}
var RESERVED = /(^|\/)\.git(\/|$)|^\.bulk-ops(\/|$)/i;
function reserved(rel) {
  return RESERVED.test(rel);
}
function absolutePattern(pattern, sandbox) {
  return `${globEscape(sandbox.root)}/${pattern}`;
}
async function actionsGlob(abs, root) {
  const glob = await import("./glob-HJ4EIJM4.js");
  const globber = await glob.create(abs, {
    followSymbolicLinks: false,
    implicitDescendants: false,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  });
  return (await globber.glob()).map((p) => flat(toRel(root, p)));
}
var byPath = (a, b) => a < b ? -1 : a > b ? 1 : 0;
async function expandGlob(pattern, sandbox, fs2, keep = keepAll) {
  const abs = absolutePattern(pattern, sandbox);
  const compiled = compileGlob(abs);
  const overlay = fs2 instanceof OverlayFs;
  const wanted = (rel) => rel !== "." && !reserved(rel);
  let found;
  let undecodable = [];
  if (compiled) {
    const w = walkGlob(compiled, sandbox.root, overlay ? keepAll : keep, reserved, wanted);
    if (!overlay) return w;
    found = [...w.matches];
    undecodable = w.undecodable;
  } else {
    found = (await actionsGlob(abs, sandbox.root)).filter(wanted);
  }
  if (overlay) {
    const matchOverlay = compiled ? (p) => compiled.matches(p) : fallbackMatcher(abs, pattern);
    const dirsOnly = pattern.endsWith("/");
    for (const [p, type] of fs2.createdPaths()) {
      const rel = toRel(sandbox.root, p);
      if (!p.startsWith(sandbox.root + "/") || reserved(rel)) continue;
      if (dirsOnly && type !== "dir") continue;
      if (matchOverlay(p)) found.push(rel);
    }
    found = [...new Set(found)];
  }
  let out = found;
  if (overlay || keep !== keepAll) {
    out = [];
    for (const rel of found) {
      const s = await fs2.lstat(`${sandbox.root}/${rel}`);
      if (s && keep(s.type)) out.push(rel);
    }
  }
  return { matches: MatchList.from(out.sort(byPath)), undecodable };
}
function fallbackMatcher(abs, pattern) {
  const mm = new Minimatch(abs.replace(/\/+$/, ""), {
    dot: true,
    nobrace: true,
    nocomment: true,
    noext: true,
    nonegate: true
  });
  const trailingGlobstar = /(^|\/)\*\*$/.test(pattern.replace(/\/+$/, ""));
  return (p) => mm.match(p) || trailingGlobstar && mm.match(`${p}/`);
}
function keepFor(decl) {
  if (decl.each !== void 0) return keepAll;
  if (decl.kind === "replace") return (t) => t === "file";
  if (decl.kind === "run") return (t) => t === "file" || t === "dir";
  return keepAll;
}
function fanOutText(decl) {
  const source = decl.each ?? (decl.kind === "mkdir" || decl.kind === "write" ? void 0 : decl.subject);
  if (source === void 0) return void 0;
  return decl.each ?? renderTemplate(parseTemplate(source), {});
}
function expandsLiterally(decl) {
  const text = fanOutText(decl);
  return text === void 0 || !isGlob(text);
}
async function expand(decl, sandbox, fs2) {
  const literal = expandLiteral(decl);
  if (literal) return literal;
  const text = fanOutText(decl);
  const base = globPrefix(text);
  const { matches, undecodable } = await expandGlob(text, sandbox, fs2, keepFor(decl));
  const warnings = undecodable.length > 0 ? [undecodableWarning(text, undecodable)] : void 0;
  if (matches.length === 0 && decl.policy.ifNoMatch === "error")
    return { matches: MatchList.EMPTY, base, noMatch: true, warnings };
  return warnings ? { matches, base, warnings } : { matches, base };
}
function expandLiteral(decl) {
  const text = fanOutText(decl);
  if (text === void 0) {
    const match = decl.subject !== void 0 ? normalizeRel(literalText(decl.subject)) : "";
    return { matches: MatchList.of([match]), base: "." };
  }
  if (isGlob(text)) return null;
  return { matches: MatchList.of([normalizeRel(text)]), base: globPrefix(text) };
}
var parsed = /* @__PURE__ */ new WeakMap();
function tpl(decl, text) {
  let m = parsed.get(decl);
  if (!m) parsed.set(decl, m = /* @__PURE__ */ new Map());
  let t = m.get(text);
  if (!t) m.set(text, t = parseTemplate(text));
  return t;
}
function safeRel(field, p) {
  if (isPlainPath(p)) return p;
  const problem = pathProblem(p);
  if (problem) throw new OpError(`${field}: ${problem}`);
  return normalizeRel(p);
}
function resolveOp(decl, match, base, seq) {
  let vars;
  const render2 = (t) => isPlainText(t) ? t : renderTemplate(tpl(decl, t), vars ??= templateVars(match || ".", base));
  const op = { seq, decl, kind: decl.kind };
  if (match) op.match = match;
  const subject = decl.each !== void 0 && decl.subject !== void 0 ? render2(decl.subject) : match;
  switch (decl.kind) {
    case "mkdir":
    case "write":
      op.dst = safeRel(decl.kind === "mkdir" ? "mkdir" : "write.path", subject);
      break;
    case "delete":
    case "replace":
      op.src = safeRel(decl.kind === "delete" ? "delete" : "replace.files", subject);
      break;
    case "move":
    case "copy": {
      op.src = safeRel(`${decl.kind}.from`, subject);
      let to = render2(decl.to);
      if (to.endsWith("/")) to += posix3.basename(op.src);
      op.dst = safeRel(`${decl.kind}.to`, to);
      break;
    }
    case "rename": {
      op.src = safeRel("rename.from", subject);
      const name = render2(decl.to);
      if (!name || name.includes("/") || name === "." || name === "..") {
        throw new OpError(`rename.to: '${name}' is not a file name`);
      }
      const dir = posix3.dirname(op.src);
      op.dst = safeRel("rename.to", dir === "." ? name : `${dir}/${name}`);
      break;
    }
    case "run":
      if (subject) op.src = safeRel("run.files", subject);
      if (decl.command)
        op.argv = decl.command.map(
          (a) => decl.batch === void 0 ? render2(a) : a === PATHS_ITEM ? a : literalText(a)
        );
      if (decl.creates !== void 0) op.creates = safeRel("run.creates", render2(decl.creates));
      if (decl.removes !== void 0) op.removes = safeRel("run.removes", render2(decl.removes));
      break;
  }
  return op;
}

// src/plan/fingerprint.ts
import { createHash as createHash2 } from "node:crypto";
var KEEP_TEXT = 32 * 1024 * 1024;
function fingerprintOps(ops) {
  const hash = createHash2("sha256").update("[");
  let pieces = [];
  let kept = 0;
  for (const piece of meaningPieces(ops)) {
    hash.update(piece);
    kept += piece.length;
    if (pieces && kept <= KEEP_TEXT) pieces.push(piece);
    else pieces = null;
  }
  const id = hash.update("]").digest("hex").slice(0, 16);
  return { id, pieces };
}
function* meaningPieces(ops) {
  let piece = "";
  for (let i = 0; i < ops.length; i++) {
    piece += (i ? "," : "") + canonicalMeaning(ops[i]);
    if (piece.length >= 1 << 16) {
      yield piece;
      piece = "";
    }
  }
  yield piece;
}
var keptText = /* @__PURE__ */ new WeakMap();
function keepCanonicalText(plan2, pieces) {
  if (pieces) keptText.set(plan2, pieces);
}
function* canonicalOpsText(plan2) {
  const kept = keptText.get(plan2);
  keptText.delete(plan2);
  yield* kept ?? meaningPieces(plan2.ops);
}
function forgetCanonicalText(plan2) {
  keptText.delete(plan2);
}
var MEANING = {
  kind: (op) => op.kind,
  id: (op) => op.id,
  each: (op) => op.each,
  subject: (op) => op.subject,
  to: (op) => op.to,
  content: (op) => op.content,
  mode: (op) => op.mode,
  find: (op) => op.find,
  with: (op) => op.with,
  regex: (op) => op.regex,
  flags: (op) => op.flags,
  command: (op) => op.command,
  shell: (op) => op.shell,
  creates: (op) => op.creates,
  removes: (op) => op.removes,
  timeoutMs: (op) => op.timeoutMs,
  env: (op) => op.env,
  shardBy: (op) => op.shardBy,
  onConflict: (op) => op.policy.onConflict,
  ifNoMatch: (op) => op.policy.ifNoMatch
};
var MEANING_ENTRIES = Object.entries(MEANING);
var SORTED_MEANING = MEANING_ENTRIES.map(([k, get]) => ({
  key: k,
  quoted: `${JSON.stringify(k)}:`,
  get
})).sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
var KIND_FIELDS = {
  mkdir: [],
  delete: [],
  move: ["to"],
  rename: ["to"],
  copy: ["to"],
  write: ["content", "mode"],
  replace: ["find", "with", "regex", "flags"],
  run: ["command", "shell", "creates", "removes", "timeoutMs", "env"]
};
var ANY_KIND = ["kind", "id", "each", "subject", "shardBy", "onConflict", "ifNoMatch"];
var MEANING_OF_KIND = new Map(
  Object.entries(KIND_FIELDS).map(([kind, own]) => [
    kind,
    SORTED_MEANING.filter((f) => ANY_KIND.includes(f.key) || own.includes(f.key))
  ])
);
function canonicalMeaning(op) {
  let out = "{";
  for (const f of MEANING_OF_KIND.get(op.kind) ?? SORTED_MEANING) {
    const v = f.get(op);
    if (v === void 0) continue;
    out += (out.length > 1 ? "," : "") + f.quoted + (typeof v === "string" ? JSON.stringify(v) : canonical(v));
  }
  return out + "}";
}
function meaningOf(op) {
  const m = {};
  for (const [k, get] of MEANING_ENTRIES) m[k] = get(op);
  return m;
}
function canonical(value) {
  if (value === void 0) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const obj = value;
  const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
}

// src/journal/state.ts
function grow(a, n, make) {
  if (n <= a.length) return a;
  const b = make(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}
var RunState = class _RunState {
  planId = "";
  expansions = [];
  total = 0;
  status = new Uint8Array(1024);
  tries = new Uint8Array(1024);
  doneBy = new Uint16Array(1024);
  errors = /* @__PURE__ */ new Map();
  /** Post-image hashes of operations started but not finished, for reconciling replace. */
  startedHash = /* @__PURE__ */ new Map();
  attempts = [];
  /** Directories created by completed operations (the checkpoint delta needs them). */
  createdDirs = /* @__PURE__ */ new Set();
  ensure(n) {
    this.status = grow(this.status, n, (k) => new Uint8Array(k));
    this.tries = grow(this.tries, n, (k) => new Uint8Array(k));
    this.doneBy = grow(this.doneBy, n, (k) => new Uint16Array(k));
  }
  get lastAttempt() {
    return this.attempts.length ? this.attempts[this.attempts.length - 1].attempt : 0;
  }
  /** True when an operation completed (executed or skipped) in some attempt. */
  isDone(seq) {
    const s = this.status[seq];
    return s === 2 /* Executed */ || s === 3 /* Skipped */;
  }
  apply(r) {
    const q2 = r.q;
    if (q2 !== void 0 && q2 >= this.total) {
      throw new Error(`journal record '${r.t}' names operation #${q2}, but only ${this.total} are known`);
    }
    switch (r.t) {
      case "begin":
        this.planId = r.plan;
        this.attempts.push({ attempt: r.a, startedAt: r.at });
        break;
      case "end": {
        const a = this.attempts.find((x) => x.attempt === r.a);
        if (a)
          Object.assign(a, {
            endedAt: r.at,
            how: r.how,
            executed: r.ex,
            skipped: r.sk,
            failed: r.fl,
            pending: r.pe
          });
        break;
      }
      case "exp": {
        const count = r.n !== void 0 ? 1 : r.m.length;
        this.expansions[r.d] = {
          seq0: this.total,
          base: r.b,
          matches: r.m,
          error: r.n,
          ...r.o ? { others: r.o } : {}
        };
        this.total += count;
        this.ensure(this.total);
        break;
      }
      case "s":
        this.status[r.q] = 1 /* Started */;
        if (this.tries[r.q] < 255) this.tries[r.q]++;
        if (r.h) this.startedHash.set(r.q, r.h);
        break;
      case "x":
        this.status[r.q] = 2 /* Executed */;
        this.doneBy[r.q] = r.a;
        if (this.errors.size) this.errors.delete(r.q);
        if (this.startedHash.size) this.startedHash.delete(r.q);
        if (r.dirs) for (const d of r.dirs) this.createdDirs.add(d);
        break;
      case "k":
        this.status[r.q] = 3 /* Skipped */;
        this.doneBy[r.q] = r.a;
        this.errors.delete(r.q);
        this.startedHash.delete(r.q);
        break;
      case "f":
        this.status[r.q] = 4 /* Failed */;
        this.errors.set(r.q, r.e);
        this.startedHash.delete(r.q);
        break;
      case "i":
        this.status[r.q] = 0 /* Pending */;
        if (this.tries[r.q] > 0) this.tries[r.q]--;
        this.startedHash.delete(r.q);
        break;
    }
  }
  /** The first seq not yet completed, or null when every known operation is done. */
  firstUndone() {
    for (let q2 = 0; q2 < this.total; q2++) if (!this.isDone(q2)) return q2;
    return null;
  }
  /**
   * A JSON-ready copy for the snapshot; without `expansions` when the snapshot points at their
   * journal records instead (no copy of a 100,000-entry list made only to be dropped).
   */
  toJSON({ expansions = true } = {}) {
    return {
      planId: this.planId,
      total: this.total,
      ...expansions ? { expansions: this.expansions.map((e) => e ?? null) } : {},
      status: Buffer.from(this.status.buffer, 0, this.total).toString("base64"),
      tries: Buffer.from(this.tries.buffer, 0, this.total).toString("base64"),
      doneBy: Buffer.from(this.doneBy.buffer, 0, this.total * 2).toString("base64"),
      errors: [...this.errors],
      startedHash: [...this.startedHash],
      attempts: this.attempts,
      createdDirs: [...this.createdDirs]
    };
  }
  static fromJSON(j) {
    const s = new _RunState();
    s.planId = String(j.planId);
    s.total = Number(j.total);
    s.ensure(s.total);
    if (Array.isArray(j.expansions))
      s.expansions = j.expansions.map((e) => {
        if (!e) return void 0;
        const { matches, others, ...rest } = e;
        return {
          ...rest,
          matches: MatchList.from(matches),
          ...others ? { others: MatchList.from(others) } : {}
        };
      });
    const status = Buffer.from(String(j.status), "base64");
    const tries = Buffer.from(String(j.tries), "base64");
    const doneBy = Buffer.from(String(j.doneBy), "base64");
    if (status.length !== s.total || tries.length !== s.total || doneBy.length !== s.total * 2) {
      throw new Error("snapshot arrays do not match its operation count");
    }
    s.status.set(status);
    s.tries.set(tries);
    s.doneBy.set(new Uint16Array(doneBy.buffer.slice(doneBy.byteOffset, doneBy.byteOffset + doneBy.length)));
    s.errors = new Map(j.errors);
    s.startedHash = new Map(j.startedHash);
    s.attempts = j.attempts;
    s.createdDirs = new Set(j.createdDirs);
    return s;
  }
};

// src/journal/path-set.ts
var OFFSET_A = 2166136261;
var PRIME_A = 16777619;
var OFFSET_B = 84696351;
var PRIME_B = 16777623;
var ROOT = -1;
var PathSet = class {
  members = new HashPairs();
  /** Every proper ancestor of every member ('.' stands for the workspace root). */
  ancestors = new HashPairs();
  rootMember = false;
  add(p) {
    if (p === ".") {
      this.rootMember = true;
      this.members.add(ROOT, ROOT);
      return;
    }
    let a = OFFSET_A;
    let b = OFFSET_B;
    this.ancestors.add(ROOT, ROOT);
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c === 47 && i > 0) this.ancestors.add(a, b);
      a = Math.imul(a ^ c, PRIME_A);
      b = Math.imul(b ^ c, PRIME_B);
    }
    this.members.add(a, b);
  }
  /** True when `p` equals, contains or lies inside a member. */
  overlaps(p) {
    if (this.members.size === 0) return false;
    if (this.rootMember || p === ".") return true;
    let a = OFFSET_A;
    let b = OFFSET_B;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c === 47 && i > 0 && this.members.has(a, b)) return true;
      a = Math.imul(a ^ c, PRIME_A);
      b = Math.imul(b ^ c, PRIME_B);
    }
    return this.members.has(a, b) || this.ancestors.has(a, b);
  }
  clear() {
    this.members.clear();
    this.ancestors.clear();
    this.rootMember = false;
  }
};
var HashPairs = class {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  gen = new Uint32Array(1024);
  current = 1;
  size = 0;
  add(a, b) {
    if (this.has(a, b)) return;
    if (2 * (this.size + 1) > this.a.length) this.grow();
    this.put(a, b);
    this.size++;
  }
  has(a, b) {
    const mask = this.a.length - 1;
    for (let i = a & mask; this.gen[i] === this.current; i = i + 1 & mask) {
      if (this.a[i] === a && this.b[i] === b) return true;
    }
    return false;
  }
  clear() {
    this.size = 0;
    if (++this.current === 4294967295) {
      this.gen.fill(0);
      this.current = 1;
    }
  }
  put(a, b) {
    const mask = this.a.length - 1;
    let i = a & mask;
    while (this.gen[i] === this.current) i = i + 1 & mask;
    this.a[i] = a;
    this.b[i] = b;
    this.gen[i] = this.current;
  }
  grow() {
    const { a, b, gen, current } = this;
    this.a = new Int32Array(a.length * 2);
    this.b = new Int32Array(a.length * 2);
    this.gen = new Uint32Array(a.length * 2);
    this.current = 1;
    for (let i = 0; i < a.length; i++) if (gen[i] === current) this.put(a[i], b[i]);
  }
};

// src/journal/wal.ts
import { closeSync as closeSync2, fstatSync, fsyncSync as fsyncSync2, ftruncateSync, openSync as openSync2, writeSync as writeSync2 } from "node:fs";
import { crc32 } from "node:zlib";

// src/journal/exp-record.ts
var QUOTE = 34;
var BACKSLASH = 92;
var HEAD = Buffer.from('{"t":"exp"', "latin1");
var NUMBER_BYTE = new Uint8Array(256);
for (const c of "-+.0123456789eE") NUMBER_BYTE[c.charCodeAt(0)] = 1;
function isExpJson(json) {
  return json.length > HEAD.length && json.compare(HEAD, 0, HEAD.length, 0, HEAD.length) === 0;
}
function decodeExpJson(json) {
  const r = new Reader(json);
  const fields = {};
  if (!r.take(123)) return null;
  if (!r.take(125)) {
    do {
      const key = r.scalar();
      if (typeof key !== "string" || !r.take(58)) return null;
      const value = key === "m" || key === "o" ? r.list() : r.scalar();
      if (value === void 0) return null;
      fields[key] = value;
    } while (r.take(44));
    if (!r.take(125)) return null;
  }
  if (!r.atEnd()) return null;
  const { t, d, b, m, n, o } = fields;
  if (t !== "exp" || !Number.isSafeInteger(d) || d < 0 || typeof b !== "string") return null;
  if (!(m instanceof MatchList) || n !== void 0 && typeof n !== "string") return null;
  if (o !== void 0 && !(o instanceof MatchList)) return null;
  return { ...fields, t, d, b, m, ...n !== void 0 ? { n } : {}, ...o ? { o } : {} };
}
var Reader = class {
  constructor(buf) {
    this.buf = buf;
  }
  buf;
  pos = 0;
  skipSpace() {
    const { buf } = this;
    while (this.pos < buf.length) {
      const c = buf[this.pos];
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      this.pos++;
    }
  }
  /** Consumes `byte` (after white space) if it comes next. */
  take(byte) {
    this.skipSpace();
    if (this.buf[this.pos] !== byte) return false;
    this.pos++;
    return true;
  }
  atEnd() {
    this.skipSpace();
    return this.pos === this.buf.length;
  }
  /** The end of the string whose opening quote is at `this.pos`, and whether it holds escapes; null when unterminated or holding a control character. */
  stringEnd() {
    const { buf } = this;
    let escaped = false;
    for (let i = this.pos + 1; i < buf.length; i++) {
      const c = buf[i];
      if (c === QUOTE) return { end: i, escaped };
      if (c === BACKSLASH) {
        escaped = true;
        i++;
      } else if (c < 32) return null;
    }
    return null;
  }
  /** A string or a number; undefined for anything else. */
  scalar() {
    this.skipSpace();
    const { buf } = this;
    const start = this.pos;
    let end;
    if (buf[start] === QUOTE) {
      const s = this.stringEnd();
      if (!s) return void 0;
      end = s.end + 1;
      if (!s.escaped) {
        this.pos = end;
        return buf.toString("utf8", start + 1, s.end);
      }
    } else {
      end = start;
      while (end < buf.length && NUMBER_BYTE[buf[end]]) end++;
      if (end === start) return void 0;
    }
    this.pos = end;
    try {
      const v = JSON.parse(buf.toString("utf8", start, end));
      return typeof v === "string" || typeof v === "number" ? v : void 0;
    } catch {
      return void 0;
    }
  }
  /** An array of strings as a MatchList; undefined for anything else. */
  list() {
    if (!this.take(91)) return void 0;
    const out = new MatchListBuilder();
    if (this.take(93)) return out.finish();
    const { buf } = this;
    do {
      this.skipSpace();
      if (buf[this.pos] !== QUOTE) return void 0;
      const s = this.stringEnd();
      if (!s) return void 0;
      if (s.escaped) {
        try {
          out.push(JSON.parse(buf.toString("utf8", this.pos, s.end + 1)));
        } catch {
          return void 0;
        }
      } else out.pushBytes(buf, this.pos + 1, s.end);
      this.pos = s.end + 1;
    } while (this.take(44));
    return this.take(93) ? out.finish() : void 0;
  }
};

// src/journal/wal.ts
var nat = (v) => Number.isSafeInteger(v) && v >= 0;
var str = (v) => typeof v === "string";
function wellFormed(r) {
  if (!r || typeof r !== "object") return false;
  const o = r;
  switch (o.t) {
    case "begin":
      return nat(o.a) && nat(o.at) && str(o.plan);
    case "end":
      return nat(o.a) && nat(o.at) && str(o.how) && nat(o.ex) && nat(o.sk) && nat(o.fl) && nat(o.pe);
    case "exp":
      return nat(o.d) && str(o.b) && Array.isArray(o.m) && o.m.every(str) && (o.n === void 0 || str(o.n)) && (o.o === void 0 || Array.isArray(o.o) && o.o.every(str));
    case "s":
      return nat(o.q) && nat(o.a) && (o.h === void 0 || str(o.h));
    case "x":
      return nat(o.q) && nat(o.a) && (o.dirs === void 0 || Array.isArray(o.dirs) && o.dirs.every(str));
    case "k":
      return nat(o.q) && nat(o.a) && str(o.r);
    case "f":
      return nat(o.q) && nat(o.a) && str(o.e);
    case "i":
      return nat(o.q) && nat(o.a);
    default:
      return false;
  }
}
var WalCorruptError = class extends Error {
};
var CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    t[n] = c;
  }
  return t;
})();
var SHORT_RECORD = 999;
var HEX = Buffer.from("0123456789abcdef", "latin1");
var PLAIN_S = Buffer.from('{"t":"s","q":', "latin1");
var PLAIN_X = Buffer.from('{"t":"x","q":', "latin1");
var PLAIN_A = Buffer.from(',"a":', "latin1");
function decimalDigits(n) {
  let d = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) d++;
  return d;
}
var EXP_PIECE = 8192;
function* listPieces(list) {
  for (let i = 0; i < list.length; i += EXP_PIECE) {
    const piece = JSON.stringify(list.slice(i, i + EXP_PIECE));
    yield i === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`;
  }
}
function expPieces(rec) {
  return function* () {
    yield `{"t":"exp","d":${JSON.stringify(rec.d)},"b":${JSON.stringify(rec.b)},"m":[`;
    yield* listPieces(rec.m);
    yield rec.n !== void 0 ? `],"n":${JSON.stringify(rec.n)}` : "]";
    if (rec.o) {
      yield ',"o":[';
      yield* listPieces(rec.o);
      yield "]";
    }
    yield "}";
  };
}
function held(rec) {
  if (rec.t !== "exp") return rec;
  const r = rec;
  return { ...rec, m: MatchList.from(r.m), ...r.o ? { o: MatchList.from(r.o) } : {} };
}
function decodeAt(buf, pos) {
  const sp1 = buf.indexOf(32, pos);
  if (sp1 !== pos + 8) return null;
  const sp2 = buf.indexOf(32, sp1 + 1);
  if (sp2 < 0 || sp2 - sp1 > 12) return null;
  const crcText = buf.toString("latin1", pos, sp1);
  const lenText = buf.toString("latin1", sp1 + 1, sp2);
  if (!/^[0-9a-f]{8}$/.test(crcText) || !/^\d+$/.test(lenText)) return null;
  const len = Number(lenText);
  const start = sp2 + 1;
  const end = start + len;
  if (end >= buf.length || buf[end] !== 10) return null;
  const json = buf.subarray(start, end);
  if (crc32(json) !== parseInt(crcText, 16)) return null;
  const exp = isExpJson(json) ? decodeExpJson(json) : null;
  if (exp) return { rec: exp, end: end + 1 };
  try {
    const rec = JSON.parse(json.toString("utf8"));
    if (!wellFormed(rec)) return null;
    return { rec: held(rec), end: end + 1 };
  } catch {
    return null;
  }
}
function replayBuffer(buf, offset = 0) {
  const records = [];
  const offsets = [];
  let pos = offset;
  while (pos < buf.length) {
    const r = decodeAt(buf, pos);
    if (r) {
      records.push(r.rec);
      offsets.push(pos);
      pos = r.end;
      continue;
    }
    for (let nl = buf.indexOf(10, pos); nl >= 0 && nl + 1 < buf.length; nl = buf.indexOf(10, nl + 1)) {
      if (decodeAt(buf, nl + 1)) {
        throw new WalCorruptError(
          `journal is corrupt at byte ${pos} (record ${records.length + 1}) with valid records after it; refusing to guess`
        );
      }
    }
    return { records, offsets, validEnd: pos, droppedBytes: buf.length - pos };
  }
  return { records, offsets, validEnd: pos, droppedBytes: 0 };
}
var WalWriter = class {
  constructor(path, groupBytes = 64 * 1024, groupMs = 200) {
    this.path = path;
    this.groupBytes = groupBytes;
    this.groupMs = groupMs;
    this.fd = openSync2(path, "a");
    this.size = fstatSync(this.fd).size;
    this.pending = Buffer.allocUnsafe(Math.max(4096, groupBytes + 1024));
  }
  path;
  groupBytes;
  groupMs;
  fd;
  /**
   * Framed records not yet written, as bytes: a record's strings die as soon as it is appended,
   * so a bulk run's garbage stays young instead of living until the group is written.
   */
  pending;
  bytes = 0;
  lastFlush = Date.now();
  /** Bytes in the file, including flushed but not buffered ones. */
  size;
  /** Bytes appended but not yet handed to the kernel. */
  get buffered() {
    return this.bytes;
  }
  /** Cuts a torn tail off before appending. */
  static truncate(path, length) {
    const fd = openSync2(path, "r+");
    try {
      ftruncateSync(fd, length);
    } finally {
      closeSync2(fd);
    }
  }
  append(rec) {
    if (rec.t === "exp" && rec.m.length + (rec.o?.length ?? 0) > EXP_PIECE) {
      this.flush();
      this.writePieces(expPieces(rec));
      return;
    }
    if (rec.t === "s" && rec.h === void 0 || rec.t === "x" && rec.dirs === void 0) {
      if (this.appendPlain(rec.t, rec.q, rec.a)) return;
    }
    const json = JSON.stringify(rec);
    if (json.length <= SHORT_RECORD && this.appendShort(json)) return;
    const len = Buffer.byteLength(json);
    const head = `${crc32(json).toString(16).padStart(8, "0")} ${len} `;
    const need = head.length + len + 1;
    if (this.bytes + need > this.pending.length) {
      this.flush();
      if (need > this.pending.length) this.pending = Buffer.allocUnsafe(need);
    }
    this.bytes += this.pending.write(head, this.bytes, "latin1");
    this.bytes += this.pending.write(json, this.bytes, "utf8");
    this.pending[this.bytes++] = 10;
    if (this.bytes >= this.groupBytes || Date.now() - this.lastFlush >= this.groupMs) this.flush();
  }
  /**
   * Frames a short ASCII record straight into the buffer, its checksum computed while its bytes
   * are copied: no head string, no Buffer.write calls (most records are 25 characters). False,
   * with nothing appended, for a record that holds any other character.
   */
  appendShort(json) {
    const len = json.length;
    const digits = len < 10 ? 1 : len < 100 ? 2 : 3;
    if (this.bytes + 8 + digits + len + 3 > this.pending.length) this.flush();
    const buf = this.pending;
    const start = this.bytes;
    let at = start + 10 + digits;
    let c = -1;
    for (let i = 0; i < len; i++) {
      const ch = json.charCodeAt(i);
      if (ch > 127) return false;
      buf[at++] = ch;
      c = CRC_TABLE[(c ^ ch) & 255] ^ c >>> 8;
    }
    this.framed(start, digits, len, c, at);
    return true;
  }
  /**
   * Frames a start or completion record that holds nothing but its seq and attempt (two of a bulk
   * run's three records per operation) straight from its numbers, as `JSON.stringify` writes it:
   * no string at all (a number made into a string is kept in V8's number-string cache, and a
   * million of them, surviving, would grow the young generation). False, with nothing appended,
   * for numbers it does not write.
   */
  appendPlain(t, q2, a) {
    if (!(Number.isSafeInteger(q2) && q2 >= 0 && Number.isSafeInteger(a) && a >= 0)) return false;
    const head = t === "s" ? PLAIN_S : PLAIN_X;
    const dq = decimalDigits(q2);
    const da = decimalDigits(a);
    const len = head.length + dq + PLAIN_A.length + da + 1;
    const digits = len < 100 ? 2 : 3;
    if (this.bytes + 10 + digits + len + 1 > this.pending.length) this.flush();
    const buf = this.pending;
    const start = this.bytes;
    const from = start + 10 + digits;
    let at = from;
    buf.set(head, at);
    at += head.length;
    for (let k = dq - 1, n = q2; k >= 0; k--, n = Math.floor(n / 10)) buf[at + k] = 48 + n % 10;
    at += dq;
    buf.set(PLAIN_A, at);
    at += PLAIN_A.length;
    for (let k = da - 1, n = a; k >= 0; k--, n = Math.floor(n / 10)) buf[at + k] = 48 + n % 10;
    at += da;
    buf[at++] = 125;
    let c = -1;
    for (let i = from; i < at; i++) c = CRC_TABLE[(c ^ buf[i]) & 255] ^ c >>> 8;
    this.framed(start, digits, len, c, at);
    return true;
  }
  /**
   * Ends a record whose `len` bytes of JSON were written at `start + 10 + digits` up to `at`, `c`
   * their running checksum: its newline, then the checksum and length in front, both in hex and
   * decimal as every frame has them.
   */
  framed(start, digits, len, c, at) {
    const buf = this.pending;
    buf[at++] = 10;
    let crc = (c ^ -1) >>> 0;
    for (let k = 7; k >= 0; k--, crc >>>= 4) buf[start + k] = HEX[crc & 15];
    buf[start + 8] = 32;
    for (let k = digits - 1, n = len; k >= 0; k--, n = n / 10 | 0) buf[start + 9 + k] = 48 + n % 10;
    buf[start + 9 + digits] = 32;
    this.bytes = at;
    if (this.bytes >= this.groupBytes || Date.now() - this.lastFlush >= this.groupMs) this.flush();
  }
  /** Writes buffered records with one system call: after this they survive the process being killed. */
  flush() {
    if (this.bytes === 0) return;
    this.size += this.writeWhole([this.pending.subarray(0, this.bytes)]);
    this.bytes = 0;
    this.lastFlush = Date.now();
  }
  /**
   * Writes one record given as pieces of its JSON (`pieces` is called twice: once for the
   * checksum and length that frame it, once to write), then hands it to the kernel.
   */
  writePieces(pieces) {
    let crc = 0;
    let len = 0;
    for (const p of pieces()) {
      crc = crc32(p, crc);
      len += Buffer.byteLength(p);
    }
    const head = `${crc.toString(16).padStart(8, "0")} ${len} `;
    this.size += this.writeWhole(
      (function* () {
        yield Buffer.from(head, "latin1");
        for (const p of pieces()) yield Buffer.from(p, "utf8");
        yield Buffer.from("\n");
      })()
    );
    this.lastFlush = Date.now();
  }
  /**
   * Appends `chunks` at the end of the file; returns the bytes written. On an error (a full disk)
   * whatever part went out is cut off again, so the file ends on a whole record and a later write
   * of the same records does not leave a torn one in the middle.
   */
  writeWhole(chunks) {
    let written = 0;
    try {
      for (const b of chunks) {
        for (let off = 0; off < b.length; ) {
          const n = writeSync2(this.fd, b, off);
          off += n;
          written += n;
        }
      }
    } catch (err) {
      if (written > 0) {
        try {
          ftruncateSync(this.fd, this.size);
        } catch {
        }
      }
      throw err;
    }
    return written;
  }
  /** Flushes and fsyncs: after this the records survive the machine being lost. */
  sync() {
    this.flush();
    fsyncSync2(this.fd);
  }
  close() {
    this.sync();
    closeSync2(this.fd);
  }
};

// src/journal/journal.ts
var WAL_FILE = "journal.wal";
var SNAPSHOT_FILE = "state.json";
var SNAPSHOT_PREV_FILE = "state.prev.json";
var PLAN_FILE = "plan.json";
var Journal = class _Journal {
  constructor(dir, state2, wal, loadInfo, expAt, globbed = () => true) {
    this.dir = dir;
    this.state = state2;
    this.wal = wal;
    this.loadInfo = loadInfo;
    this.expAt = expAt;
    this.globbed = globbed;
  }
  dir;
  state;
  wal;
  loadInfo;
  expAt;
  globbed;
  /**
   * Paths changed by operations whose records have not reached the kernel yet. A process killed
   * now loses those records, and resume judges those operations by their check() alone, which is
   * sound only while no later operation has touched the same paths.
   */
  unflushed = new PathSet();
  /**
   * A frozen glob expansion is in the buffer: it must be durable before any of its operations
   * acts (a resume must not glob again over a tree they changed). A literal one need not be: lost
   * with the records after it, it is taken again, the same.
   */
  expansionPending = false;
  /** Loads (or starts) the journal in `dir` for `plan`. Refuses another plan's state unless `fresh`. */
  static open(dir, plan2, opts = {}) {
    mkdirSync(dir, { recursive: true });
    if (opts.fresh) {
      for (const f of [WAL_FILE, SNAPSHOT_FILE, SNAPSHOT_PREV_FILE, PLAN_FILE])
        rmSync(join2(dir, f), { force: true });
    }
    const { state: state2, info, expAt } = _Journal.load(dir);
    if (state2.planId && state2.planId !== plan2.planId) {
      throw new ResumeError(
        `the state in ${dir} belongs to another plan (${state2.planId}, now ${plan2.planId}):
${describePlanChange(dir, plan2)}
Run with --fresh to discard it and start over, or restore the old plan to resume.`
      );
    }
    if (!existsSync(join2(dir, PLAN_FILE))) {
      writeAtomicPieces(join2(dir, PLAN_FILE), planPieces(plan2), { durable: false });
    } else forgetCanonicalText(plan2);
    for (const w of info.warnings) opts.logger?.warning(w);
    return new _Journal(
      dir,
      state2,
      new WalWriter(join2(dir, WAL_FILE), opts.group?.bytes, opts.group?.ms),
      info,
      expAt,
      globbedOps(plan2)
    );
  }
  /** Rebuilds state from the newest verifying snapshot and the WAL after it. Changes nothing but a torn tail. */
  static load(dir, opts = {}) {
    const walPath = join2(dir, WAL_FILE);
    const wal = existsSync(walPath) ? readFileSync2(walPath) : Buffer.alloc(0);
    const warnings = [];
    const candidates = [
      ["snapshot", join2(dir, SNAPSHOT_FILE)],
      ["previous snapshot", join2(dir, SNAPSHOT_PREV_FILE)]
    ];
    let state2;
    let expAt = /* @__PURE__ */ new Map();
    let offset = 0;
    let source = wal.length > 0 ? "journal replay" : "fresh";
    for (const [name, path] of candidates) {
      if (!existsSync(path)) continue;
      try {
        const body = readSnapshot(path);
        const walOffset = Number(body.walOffset);
        if (!Number.isInteger(walOffset) || walOffset > wal.length)
          throw new Error("covers more journal than exists");
        const s = RunState.fromJSON(body.state);
        if (body.exp !== void 0) expAt = expansionsFromJournal(s, body.exp, wal, walOffset);
        state2 = s;
        offset = walOffset;
        source = name;
        break;
      } catch (err) {
        warnings.push(`${name} ${path} is unusable (${err.message}); falling back`);
      }
    }
    let replay;
    try {
      replay = replayBuffer(wal, offset);
    } catch (err) {
      if (err instanceof WalCorruptError) throw new ResumeError(`${walPath}: ${err.message}`);
      throw err;
    }
    state2 ??= new RunState();
    try {
      replay.records.forEach((r, i) => {
        state2.apply(r);
        if (r.t === "exp") expAt.set(r.d, replay.offsets[i]);
      });
    } catch (err) {
      throw new ResumeError(`${walPath}: ${err.message}; the journal cannot be trusted`);
    }
    if (replay.droppedBytes > 0) {
      warnings.push(`dropped a torn record at the end of the journal (${replay.droppedBytes} bytes)`);
      if (!opts.readOnly) WalWriter.truncate(walPath, replay.validEnd);
    }
    return {
      state: state2,
      info: { source, replayed: replay.records.length, droppedBytes: replay.droppedBytes, warnings },
      expAt
    };
  }
  /** Records an event and applies it to the in-memory state. Failures reach the kernel at once. */
  record(r) {
    this.state.apply(r);
    if (r.t === "exp") {
      this.expAt.set(r.d, this.wal.size + this.wal.buffered);
      if (this.globbed(r.d)) this.expansionPending = true;
    }
    this.wal.append(r);
    if (this.wal.buffered === 0) this.flushed();
    if (r.t === "f" || r.t === "i") this.barrier();
  }
  /** Makes every record so far survive the process being killed (before a non-idempotent step). */
  barrier() {
    this.wal.flush();
    this.flushed();
  }
  /**
   * Called before an operation changes the workspace, with the paths it reads and changes
   * (`null` when they cannot be known: a command, a path reached through a symlink). Flushes
   * first unless the operation is independent of every operation not yet flushed, so most
   * operations of a bulk run share one write instead of paying one each, and a killed process
   * still never leaves an unrecorded operation whose check() a later one could mislead.
   */
  beforeChange(paths) {
    if (paths === null || this.expansionPending || paths.some((p) => this.unflushed.overlaps(p))) this.barrier();
  }
  /** Called once the operation's completion is recorded: its paths are at risk until the next flush. */
  afterChange(paths) {
    if (this.wal.buffered === 0) return;
    for (const p of paths) this.unflushed.add(p);
  }
  flushed() {
    this.unflushed.clear();
    this.expansionPending = false;
  }
  /**
   * Writes a snapshot covering the whole WAL: a consistent cut, taken between operations. The
   * frozen expansions (most of the state's bytes) are not copied: the snapshot names where each
   * one's record is in the WAL, which it covers anyway.
   */
  snapshot() {
    this.wal.sync();
    this.flushed();
    const located = this.state.expansions.every((e, d) => e === void 0 || this.expAt.has(d));
    const state2 = this.state.toJSON({ expansions: !located });
    writeSnapshot(join2(this.dir, SNAPSHOT_FILE), join2(this.dir, SNAPSHOT_PREV_FILE), {
      format: located ? 2 : 1,
      walOffset: this.wal.size,
      state: state2,
      ...located ? { exp: [...this.expAt].sort((a, b) => a[0] - b[0]) } : {}
    });
  }
  close() {
    this.wal.close();
  }
};
function expansionsFromJournal(state2, refs, wal, walOffset) {
  if (!Array.isArray(refs)) throw new Error("its expansion references are not a list");
  const at = /* @__PURE__ */ new Map();
  let seq0 = 0;
  refs.forEach((ref, i) => {
    const [d, off] = Array.isArray(ref) ? ref : [];
    const r = d === i && Number.isSafeInteger(off) && off >= 0 ? decodeAt(wal, off) : null;
    if (!r || r.rec.t !== "exp" || r.rec.d !== i || r.end > walOffset) {
      throw new Error(`its expansion #${i} is not in the journal where it says`);
    }
    state2.expansions[i] = {
      seq0,
      base: r.rec.b,
      matches: r.rec.m,
      error: r.rec.n,
      ...r.rec.o ? { others: r.rec.o } : {}
    };
    seq0 += r.rec.n !== void 0 ? 1 : r.rec.m.length;
    at.set(i, off);
  });
  if (seq0 !== state2.total) throw new Error("its expansions do not add up to its operation count");
  return at;
}
function* planPieces(plan2) {
  yield `{"planId":${JSON.stringify(plan2.planId)},"ops":[`;
  yield* canonicalOpsText(plan2);
  yield "]}";
}
function describePlanChange(dir, plan2) {
  let old;
  try {
    old = JSON.parse(readFileSync2(join2(dir, PLAN_FILE), "utf8")).ops;
  } catch {
    return "  (the saved plan could not be read)";
  }
  const now = plan2.ops.map(meaningOf);
  const lines = [];
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    const a = old[i];
    const b = now[i];
    if (!a) lines.push(`  operations[${i}] (${b.kind}) was added`);
    else if (!b) lines.push(`  operations[${i}] (${a.kind}) was removed`);
    else if (canonical(a) !== canonical(b)) {
      const fields = Object.keys({ ...a, ...b }).filter((k) => canonical(a[k]) !== canonical(b[k]));
      lines.push(`  operations[${i}] (${b.kind}) changed: ${fields.join(", ")}`);
    }
    if (lines.length >= 20) break;
  }
  return lines.join("\n") || "  (no operation differs; the defaults changed)";
}
function globbedOps(plan2) {
  const literal = plan2.ops.map(expandsLiterally);
  return (d) => literal[d] !== true;
}

// src/duration.ts
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseDuration(value, what2) {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    end = re.lastIndex;
  }
  if (!text || end !== text.length || !Number.isFinite(total)) {
    throw new UsageError(`${what2}: '${value}' is not a duration (use forms like 90s, 2m, 5h30m, 500ms)`);
  }
  return Math.round(total);
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const s = ms / 1e3;
  if (s < 60) return `${s.toFixed(1)}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor(s % 3600 / 60);
  const sec = Math.round(s % 60);
  return h > 0 ? `${h}h ${m}m ${sec}s` : `${m}m ${sec}s`;
}

// src/shard/assign.ts
var DEFAULT_SHARD_BY = "{stem}";
var MAX_SHARDS = 256;
function shardText(s) {
  return `shard ${s.index} of ${s.count}`;
}
function shardTag(s) {
  return `shard${s.index}of${s.count}`;
}
function fnv1a(key) {
  let h = 2166136261;
  for (const b of Buffer.from(key, "utf8")) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
function shardOfKey(key, count) {
  return 1 + fnv1a(key) % count;
}
function isFanOut(decl) {
  return !expandsLiterally(decl);
}
var parsed2 = /* @__PURE__ */ new WeakMap();
function shardKey(decl, match, base) {
  let t = parsed2.get(decl);
  if (!t) parsed2.set(decl, t = parseTemplate(decl.shardBy ?? DEFAULT_SHARD_BY));
  return renderTemplate(t, templateVars(match || ".", base));
}
function shardOf(decl, match, base, count) {
  return shardOfKey(shardKey(decl, match, base), count);
}
function splitMatches(decl, matches, base, shard) {
  const own = new MatchListBuilder();
  const others = new MatchListBuilder();
  for (const m of matches) (shardOf(decl, m, base, shard.count) === shard.index ? own : others).push(m);
  return { own: own.finish(), others: others.finish() };
}
function othersOf(state2) {
  return state2.expansions.reduce((n, e) => n + (e?.others?.length ?? 0), 0);
}

// src/fs/real-fs.ts
import * as fs from "node:fs";
import { realpathSync } from "node:fs";
import * as fsp from "node:fs/promises";
import { basename as basename2, dirname as dirname4, join as join3, resolve as resolve2, sep as sep2 } from "node:path";
function scratchPath(target) {
  return join3(dirname4(target), `.${basename2(target)}.bulk-ops-tmp`);
}
var RealFs = class {
  /**
   * With `root`, every read and change first resolves the real path of its parent directory and
   * refuses one outside `root` (or inside its .git): a directory swapped for a symlink after the
   * operation's checks cannot lead it outside the workspace.
   */
  constructor(root) {
    this.root = root;
  }
  root;
  simulated = false;
  realRoot;
  // The guard is synchronous (its calls are single system calls): no promise per operation.
  guard(p) {
    this.guardDir(dirname4(p), p);
  }
  /** Refuses when `dir` (or its nearest existing ancestor) really lies outside the root. */
  guardDir(start, p = start) {
    if (!this.root) return;
    if (this.stillVerified(start)) return;
    this.realRoot ??= realpathSync.native(this.root);
    const before = fs.lstatSync(start, { throwIfNoEntry: false });
    let dir = start;
    let real;
    for (; ; ) {
      try {
        real = realpathSync.native(dir);
      } catch {
        real = null;
      }
      if (real !== null || dirname4(dir) === dir) break;
      dir = dirname4(dir);
    }
    const root = this.realRoot;
    const inside = real !== null && (real === root || real.startsWith(root.endsWith(sep2) ? root : root + sep2));
    const rel = inside ? real.slice(root.length + 1) : "";
    if (!inside || rel.split(sep2).some((seg) => seg.toLowerCase() === ".git")) {
      throw Object.assign(
        new Error(
          `'${p}' is reached through a symlink that leads outside the workspace (or into .git); refused`
        ),
        { code: "EESCAPE" }
      );
    }
    if (dir === start && before?.isDirectory()) this.remember(start, before);
  }
  /**
   * Directories realpath found inside the workspace, by device and inode, with the path that
   * climbs from each back to the root through `..`. Checking one again takes two lstat calls
   * instead of a realpath, which costs one call per component of the whole absolute path.
   */
  verified = /* @__PURE__ */ new Map();
  rootId;
  remember(dir, before) {
    const after = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!after?.isDirectory() || after.ino !== before.ino || after.dev !== before.dev) return;
    if (!Number.isSafeInteger(after.ino) || !Number.isSafeInteger(after.dev)) return;
    const base = resolve2(this.root);
    if (dir !== base && !dir.startsWith(base + sep2)) return;
    const depth = dir === base ? 0 : dir.slice(base.length + 1).split(sep2).length;
    if (!this.rootId) {
      const r = fs.statSync(base);
      this.rootId = { dev: r.dev, ino: r.ino };
    }
    if (!Number.isSafeInteger(this.rootId.ino) || !Number.isSafeInteger(this.rootId.dev)) return;
    if (this.verified.size >= 4096) this.verified.clear();
    this.verified.set(dir, { dev: after.dev, ino: after.ino, up: dir + `${sep2}..`.repeat(depth) });
  }
  /**
   * True when `dir` is still the directory realpath verified (same device and inode, not a
   * symlink) and it still lies physically under the root at the same depth (its `..` chain ends
   * at the root): a directory swapped for a symlink, or moved out of the workspace, fails this
   * and goes through realpath again.
   */
  stillVerified(dir) {
    const id = this.verified.get(dir);
    if (!id) return false;
    const s = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (s?.isDirectory() && s.ino === id.ino && s.dev === id.dev) {
      const top = fs.lstatSync(id.up, { throwIfNoEntry: false });
      if (top && top.ino === this.rootId.ino && top.dev === this.rootId.dev) return true;
    }
    this.verified.delete(dir);
    return false;
  }
  // Single system calls are made synchronously: the engine awaits each one in order anyway,
  // and a thread-pool round trip per call costs more than the call (the engine yields to the
  // event loop between operations, so signals and timers still run).
  async lstat(p) {
    try {
      const s = fs.lstatSync(p, { throwIfNoEntry: false });
      return s ? { type: statType(s), mode: s.mode & 4095, size: s.size } : null;
    } catch (err) {
      if (err.code === "ENOTDIR") return null;
      throw err;
    }
  }
  async readFile(p) {
    this.guard(p);
    return fs.readFileSync(p);
  }
  async readlink(p) {
    return fs.readlinkSync(p);
  }
  async readdir(p) {
    this.guardDir(p);
    return fs.readdirSync(p);
  }
  async writeFile(p, data, mode) {
    this.guard(p);
    const tmp = scratchPath(p);
    fs.rmSync(tmp, { force: true, recursive: true });
    await withScratch(tmp, async () => {
      fs.writeFileSync(tmp, data, { mode });
      fs.chmodSync(tmp, mode);
      fs.renameSync(tmp, p);
    });
  }
  async createFile(p, data, mode) {
    this.guard(p);
    const fd = fs.openSync(
      p,
      fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL,
      UNFINISHED_MODE
    );
    try {
      for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
      fs.fchmodSync(fd, mode);
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(p, { force: true });
      throw err;
    }
    fs.closeSync(fd);
  }
  async mkdirp(p) {
    const created = [];
    let cur = p;
    while (await this.lstat(cur) === null) {
      created.unshift(cur);
      const up = dirname4(cur);
      if (up === cur) break;
      cur = up;
    }
    if (created.length > 0) {
      this.guardDir(p);
      fs.mkdirSync(p, { recursive: true });
    }
    return created;
  }
  async rename(from, to) {
    this.guard(from);
    if (dirname4(to) !== dirname4(from)) this.guard(to);
    try {
      fs.renameSync(from, to);
    } catch (err) {
      if (err.code !== "EXDEV") throw err;
      await this.copy(from, to);
      fs.rmSync(from, { recursive: true, force: true });
    }
  }
  async copy(from, to) {
    this.guard(from);
    this.guard(to);
    const tmp = scratchPath(to);
    await fsp.rm(tmp, { force: true, recursive: true });
    await withScratch(tmp, async () => {
      await copyTree(from, tmp);
      await fsp.rename(tmp, to);
    });
  }
  async rm(p) {
    this.guard(p);
    fs.rmSync(p, { recursive: true, force: true });
  }
  async chmod(p, mode) {
    this.guard(p);
    fs.chmodSync(p, mode);
  }
};
async function withScratch(tmp, work) {
  try {
    await work();
  } catch (err) {
    await fsp.rm(tmp, { force: true, recursive: true }).catch(() => {
    });
    throw err;
  }
}
async function copyTree(from, to) {
  const s = await fsp.lstat(from);
  if (s.isSymbolicLink()) {
    await fsp.symlink(await fsp.readlink(from, { encoding: "buffer" }), to);
  } else if (s.isDirectory()) {
    await fsp.mkdir(to);
    const src = Buffer.from(from);
    const dst = Buffer.from(to);
    for (const name of await fsp.readdir(from, { encoding: "buffer" })) {
      await copyTree(Buffer.concat([src, SLASH, name]), Buffer.concat([dst, SLASH, name]));
    }
    await fsp.chmod(to, s.mode & 4095);
  } else if (s.isFile()) {
    await fsp.copyFile(from, to);
    await fsp.chmod(to, s.mode & 4095);
  } else {
    throw specialFile(from.toString());
  }
}
var SLASH = Buffer.from(sep2);

// src/logger.ts
var silentLogger = {
  info: () => {
  },
  warning: () => {
  },
  error: () => {
  },
  debug: () => {
  }
};

// src/engine/stopper.ts
var Stopper = class {
  constructor(now, startedAt, budgetMs, external) {
    this.now = now;
    this.startedAt = startedAt;
    this.budgetMs = budgetMs;
    this.external = external;
    external?.addEventListener("abort", this.onAbort, { once: true });
    if (external?.aborted) this.controller.abort();
    if (budgetMs !== void 0) {
      const left = Math.max(0, budgetMs - (now() - startedAt));
      this.budgetTimer = setTimeout(() => this.stop("time-budget"), left).unref();
    }
  }
  now;
  startedAt;
  budgetMs;
  external;
  controller = new AbortController();
  reason = null;
  onAbort = () => this.controller.abort();
  budgetTimer;
  get signal() {
    return this.controller.signal;
  }
  /** The reason to stop dispatching, once there is one; it stays once found. */
  check() {
    if (this.reason) return this.reason;
    if (this.controller.signal.aborted) return this.reason = "signal";
    if (this.budgetMs !== void 0 && this.now() - this.startedAt >= this.budgetMs)
      return this.reason = "time-budget";
    return null;
  }
  /** Stops the run for a reason of its own (the budget ran out, a failure under continue-on-error: false). */
  stop(reason) {
    this.reason ??= reason;
    this.controller.abort();
  }
  /**
   * The reason the attempt stopped early, if it did: also a signal that came when nothing was
   * left to dispatch (it still stopped what was in flight).
   */
  get stoppedBy() {
    if (!this.reason && this.controller.signal.aborted) this.reason = "signal";
    return this.reason;
  }
  /** Detaches from the caller's signal at the end of the attempt. */
  dispose() {
    clearTimeout(this.budgetTimer);
    this.external?.removeEventListener("abort", this.onAbort);
  }
};

// src/engine/context.ts
async function openRun(o) {
  const now = o.now ?? Date.now;
  const logger = o.logger ?? silentLogger;
  const startedAt = now();
  const dryRun = !!o.dryRun;
  const disk = o.fs ?? new RealFs(o.workspace);
  const fs2 = dryRun ? new OverlayFs(disk) : disk;
  const sandbox = new Sandbox(o.workspace, dryRun ? fs2 : void 0);
  await sandbox.init();
  if (!dryRun && !o.stateDir) throw new Error("stateDir is required unless dryRun");
  const journal = dryRun ? void 0 : Journal.open(o.stateDir, o.plan, { fresh: o.fresh, logger });
  const state2 = journal?.state;
  const attempt = o.attempt ?? (state2?.lastAttempt ?? 0) + 1;
  const resumedFrom = state2 && state2.total > 0 ? state2.firstUndone() ?? state2.total : null;
  if (journal && journal.loadInfo.source !== "fresh") {
    logger.info(
      `resuming from ${journal.loadInfo.source} in ${o.stateDir} (${state2.total} operations known, first not done: ${resumedFrom === null ? "none" : `#${resumedFrom}`})`
    );
  }
  journal?.record({ t: "begin", a: attempt, at: startedAt, plan: o.plan.planId });
  const stopper = new Stopper(now, startedAt, o.timeBudgetMs, o.signal);
  const env = { fs: fs2, sandbox, logger, signal: stopper.signal };
  return {
    o,
    now,
    logger,
    startedAt,
    dryRun,
    fs: fs2,
    sandbox,
    journal,
    state: state2,
    attempt,
    resumedFrom,
    stopper,
    env
  };
}
function snapshotSafely(ctx) {
  try {
    ctx.journal.snapshot();
    return true;
  } catch (err) {
    ctx.logger.warning(
      `state snapshot not written (${errorMessage(err)}); the journal still holds every record`
    );
    return false;
  }
}
async function checkpoint(ctx) {
  if (!snapshotSafely(ctx)) return;
  if (!ctx.o.onCheckpoint) return;
  try {
    await ctx.o.onCheckpoint(ctx.journal);
  } catch (err) {
    ctx.logger.warning(`checkpoint hook failed: ${errorMessage(err)}`);
  }
}

// src/report/lines.ts
var ArrayLines = class {
  constructor(a) {
    this.a = a;
  }
  a;
  get length() {
    return this.a.length;
  }
  seq(i) {
    return this.a[i].seq;
  }
  op(i) {
    return this.a[i].op;
  }
  kind(i) {
    return this.a[i].kind;
  }
  outcome(i) {
    return this.a[i].outcome;
  }
  reason(i) {
    return this.a[i].reason;
  }
  classification(i) {
    return this.a[i].classification;
  }
  hasDiff(i) {
    return !!this.a[i].diff;
  }
  line(i) {
    return this.a[i];
  }
};
var attached = /* @__PURE__ */ new WeakMap();
function reportWithLines(head, lines) {
  const report = head;
  const a = { lines };
  Object.defineProperty(report, "operations", {
    enumerable: true,
    configurable: true,
    get: () => a.array ??= Array.from({ length: lines.length }, (_, i) => lines.line(i)),
    set: (v) => void (a.array = v)
  });
  attached.set(report, a);
  return report;
}
function linesOf(report) {
  const a = attached.get(report);
  if (a && !a.array) return a.lines;
  return new ArrayLines(report.operations);
}
var Picked = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  /** Allocated on the first push: a plan of 100,000 declared operations has 400,000 lists, most empty. */
  idx;
  length = 0;
  push(i) {
    if (!this.idx || this.length === this.idx.length) {
      const b = new Int32Array(this.idx ? this.idx.length * 2 : 4);
      if (this.idx) b.set(this.idx);
      this.idx = b;
    }
    this.idx[this.length++] = i;
  }
  *[Symbol.iterator]() {
    for (let k = 0; k < this.length; k++) yield this.lines.line(this.idx[k]);
  }
};
function pick(lines, keep) {
  const out = new Picked(lines);
  for (let i = 0; i < lines.length; i++) if (keep(i)) out.push(i);
  return out;
}
function take(items, n) {
  const out = [];
  if (n <= 0) return out;
  for (const t of items) {
    out.push(t);
    if (out.length >= n) break;
  }
  return out;
}

// src/report/model.ts
function exitCodeFor(counts) {
  if (counts.failed > 0) return 1;
  if (counts.pending > 0) return 3;
  return 0;
}
function opLabel(index, id) {
  return id ?? `operations[${index}]`;
}

// src/engine/line-table.ts
function resolveConcrete(decl, exp, i) {
  if (exp.error !== void 0) return { from: decl.each ?? decl.subject ?? null, to: null, error: exp.error };
  const match = exp.matches.get(i);
  try {
    const op = resolveOp(decl, match, exp.base, exp.seq0 + i);
    return { from: op.src ?? null, to: op.dst ?? null, op };
  } catch (err) {
    return { from: match || null, to: null, error: errorMessage(err) };
  }
}
var OUTCOME_CODE = { pending: 0, executed: 1, skipped: 2, failed: 3 };
var REASON_CODE = {
  "done-earlier": 1,
  satisfied: 2,
  conflict: 3,
  "dry-run": 4,
  "gave-up": 5,
  "time-budget": 6,
  signal: 7,
  "fail-fast": 8
};
var OUTCOMES = decoder(OUTCOME_CODE);
var REASONS = decoder(REASON_CODE);
function decoder(codes) {
  const out = [null];
  for (const [k, v] of Object.entries(codes)) out[v] = k;
  return out;
}
var CLASS_CODE = {
  "would-execute": 1,
  satisfied: 2,
  conflict: 3,
  "cannot-preview": 4,
  "would-fail": 5
};
var CLASSIFICATIONS = decoder(CLASS_CODE);
function sparse(m, i, v) {
  if (v === void 0) m.delete(i);
  else m.set(i, v);
}
function grown(a, n, make) {
  if (n <= a.length) return a;
  const b = make(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
var LineTable = class {
  length = 0;
  decl = new Uint32Array(1024);
  seqs = new Int32Array(1024);
  outcomes = new Uint8Array(1024);
  reasons = new Uint8Array(1024);
  tries = new Uint16Array(1024);
  /** Errors and dry-run diffs of the few lines that have them. */
  errors = /* @__PURE__ */ new Map();
  diffs = /* @__PURE__ */ new Map();
  /** Details (mostly a handful of texts, such as 'already absent') by number, once one is set. */
  detailIds;
  detailText = [""];
  detailNo = /* @__PURE__ */ new Map();
  /** Dry-run classifications, once one is set. */
  classes;
  decls = [];
  exps = [];
  labels = [];
  /** Adds a line for `decl` (with its expansion, unless it was not expanded); returns its number. */
  add(r, decl, exp) {
    const i = this.length++;
    if (i === this.decl.length) {
      const n = i * 2;
      this.decl = grown(this.decl, n, (k) => new Uint32Array(k));
      this.seqs = grown(this.seqs, n, (k) => new Int32Array(k));
      this.outcomes = grown(this.outcomes, n, (k) => new Uint8Array(k));
      this.reasons = grown(this.reasons, n, (k) => new Uint8Array(k));
      this.tries = grown(this.tries, n, (k) => new Uint16Array(k));
    }
    this.decls[decl.index] = decl;
    if (exp) this.exps[decl.index] = exp;
    this.labels[decl.index] ??= r.op;
    this.decl[i] = decl.index;
    this.seqs[i] = r.seq ?? -1;
    this.set(i, r);
    return i;
  }
  /** Takes line `i`'s outcome from `r` (once its operation has ended). */
  set(i, r) {
    this.outcomes[i] = OUTCOME_CODE[r.outcome];
    this.reasons[i] = r.reason === null ? 0 : REASON_CODE[r.reason];
    this.tries[i] = Math.min(r.attempts, 65535);
    sparse(this.errors, i, r.error ?? void 0);
    sparse(this.diffs, i, r.diff);
    if (r.detail !== void 0 || this.detailIds) {
      this.detailIds = grown(this.detailIds ?? new Uint32Array(0), this.decl.length, (k) => new Uint32Array(k));
      this.detailIds[i] = r.detail === void 0 ? 0 : this.detailNumber(r.detail);
    }
    if (r.classification !== void 0 || this.classes) {
      this.classes = grown(this.classes ?? new Uint8Array(0), this.decl.length, (k) => new Uint8Array(k));
      this.classes[i] = r.classification === void 0 ? 0 : CLASS_CODE[r.classification];
    }
  }
  detailNumber(text) {
    let n = this.detailNo.get(text);
    if (n === void 0) {
      n = this.detailText.push(text) - 1;
      this.detailNo.set(text, n);
    }
    return n;
  }
  seq(i) {
    const s = this.seqs[i];
    return s < 0 ? null : s;
  }
  op(i) {
    return this.labels[this.decl[i]];
  }
  kind(i) {
    return this.decls[this.decl[i]].kind;
  }
  outcome(i) {
    return OUTCOMES[this.outcomes[i]];
  }
  reason(i) {
    return REASONS[this.reasons[i]];
  }
  classification(i) {
    return this.classes ? CLASSIFICATIONS[this.classes[i]] ?? void 0 : void 0;
  }
  hasDiff(i) {
    return !!this.diffs.get(i);
  }
  detail(i) {
    const n = this.detailIds?.[i];
    return n ? this.detailText[n] : void 0;
  }
  line(i) {
    const decl = this.decls[this.decl[i]];
    const seq = this.seq(i);
    const exp = this.exps[decl.index];
    const { from, to } = seq === null || !exp ? { from: decl.each ?? decl.subject ?? null, to: decl.to ?? null } : resolveConcrete(decl, exp, seq - exp.seq0);
    const r = {
      seq,
      op: this.labels[decl.index] ?? opLabel(decl.index, decl.id),
      kind: decl.kind,
      from,
      to,
      outcome: this.outcome(i),
      reason: this.reason(i),
      attempts: this.tries[i],
      error: this.errors.get(i) ?? null
    };
    const detail = this.detail(i);
    const classification = this.classification(i);
    const diff = this.diffs.get(i);
    if (detail !== void 0) r.detail = detail;
    if (classification !== void 0) r.classification = classification;
    if (diff !== void 0) r.diff = diff;
    return r;
  }
};

// src/engine/report.ts
var ReportBuilder = class {
  constructor(onProgress) {
    this.onProgress = onProgress;
  }
  onProgress;
  counts = { total: 0, executed: 0, skipped: 0, failed: 0, pending: 0 };
  lines = new LineTable();
  /** Kept up to date by the scheduler. */
  live = { inFlight: 0, known: 0 };
  commands = [];
  /** In a shard: concrete operations of the fan-outs that belong to other shards. */
  others = 0;
  /**
   * Lines placed whose operations have not ended yet (the few in flight), as parallel slots: a
   * Map here would allocate a new table on every delete, a million times in a bulk run.
   */
  open = [];
  openAt = [];
  openCount = 0;
  /** A line whose outcome is known now. */
  add(r, decl, exp) {
    this.lines.add(r, decl, exp);
    this.tally(r);
  }
  /** Reserves a line in seq order, before its operation ends (it is filled when counted). */
  place(r, decl, exp) {
    const i = this.lines.add(r, decl, exp);
    this.open[this.openCount] = r;
    this.openAt[this.openCount++] = i;
  }
  /** Counts a line once its operation has ended, and reports progress. */
  count(r) {
    const k = this.open.indexOf(r);
    if (k < 0 || k >= this.openCount)
      throw new Error(`report line #${r.seq} was counted without being placed`);
    const last = --this.openCount;
    const i = this.openAt[k];
    this.open[k] = this.open[last];
    this.openAt[k] = this.openAt[last];
    this.open[last] = null;
    this.lines.set(i, r);
    this.tally(r);
  }
  tally(r) {
    this.counts.total++;
    this.counts[r.outcome]++;
    this.onProgress?.(this.counts, r, this.live);
  }
  /** Notes a declared run operation's parallelism and throughput, counting its lines from `from`. */
  commandStats(decl, from, durationMs) {
    let commands2 = 0;
    for (let i = from; i < this.lines.length; i++) if (this.lines.outcome(i) === "executed") commands2++;
    if (!commands2) return;
    const batch = decl.batch !== void 0 ? { batch: decl.batch } : {};
    this.commands.push({
      op: opLabel(decl.index, decl.id),
      parallel: decl.policy.parallel,
      ...batch,
      commands: commands2,
      durationMs
    });
  }
  /** The report and exit code, once every operation has its line. */
  finish(ctx) {
    const { counts } = this;
    const report = reportWithLines(
      {
        version: 1,
        planId: ctx.o.plan.planId,
        attempt: ctx.attempt,
        complete: counts.pending === 0,
        resumedFrom: ctx.resumedFrom,
        dryRun: ctx.dryRun,
        stoppedBy: ctx.stopper.stoppedBy,
        startedAt: new Date(ctx.startedAt).toISOString(),
        durationMs: ctx.now() - ctx.startedAt,
        counts,
        attempts: ctx.state?.attempts ?? [],
        ...this.commands.length ? { commands: this.commands } : {},
        ...ctx.o.shard ? { shard: { ...ctx.o.shard, others: this.others } } : {}
      },
      this.lines
    );
    return { report, exitCode: exitCodeFor(counts), journal: ctx.journal };
  }
};
function baseReport(decl, seq, label = opLabel(decl.index, decl.id)) {
  return {
    seq,
    op: label,
    kind: decl.kind,
    from: null,
    to: null,
    outcome: "pending",
    reason: null,
    attempts: 0,
    error: null
  };
}
function unexpanded(decl, why) {
  return {
    ...baseReport(decl, 0),
    seq: null,
    from: decl.each ?? decl.subject ?? null,
    to: decl.to ?? null,
    reason: why
  };
}

// src/engine/execute.ts
import { createHash as createHash3 } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars2) {
    return chars2.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/ops/copy.ts
import { dirname as dirname5 } from "node:path";

// src/ops/compare.ts
import { join as join4 } from "node:path";
async function sameContent(fs2, a, b, sa, sb) {
  sa = sa === void 0 ? await fs2.lstat(a) : sa;
  sb = sb === void 0 ? await fs2.lstat(b) : sb;
  if (!sa || !sb || sa.type !== sb.type) return false;
  switch (sa.type) {
    case "file":
      if (sa.size !== sb.size || sa.mode !== sb.mode) return false;
      return (await fs2.readFile(a)).equals(await fs2.readFile(b));
    case "symlink":
      return await fs2.readlink(a) === await fs2.readlink(b);
    case "dir": {
      const [na, nb] = [(await fs2.readdir(a)).sort(), (await fs2.readdir(b)).sort()];
      if (na.length !== nb.length || na.some((n, i) => n !== nb[i])) return false;
      for (const n of na) if (!await sameContent(fs2, join4(a, n), join4(b, n))) return false;
      return true;
    }
    default:
      return false;
  }
}
function describeType(s) {
  return s.type === "dir" ? "a directory" : s.type === "symlink" ? "a symlink" : s.type === "file" ? "a file" : "a special file";
}

// src/ops/copy.ts
var copyOp = {
  async check(op, env) {
    const src = await env.sandbox.resolve(op.src);
    const dst = await env.sandbox.resolve(op.dst);
    const ss = await env.fs.lstat(src);
    if (!ss) throw new OpError(`source '${op.src}' does not exist`);
    if (ss.type === "other") throw new OpError(`source '${op.src}' is not a file, directory or symlink`);
    if (src === dst) return { state: "satisfied", detail: "source and target are the same path" };
    if (isInside(src, dst)) throw new OpError(`cannot copy '${op.src}' into itself ('${op.dst}')`);
    const ds = await env.fs.lstat(dst);
    if (!ds) return { state: "todo" };
    if (await sameContent(env.fs, src, dst, ss, ds))
      return { state: "satisfied", detail: "target already identical" };
    return {
      state: "conflict",
      detail: `target '${op.dst}' exists (${describeType(ds)}) and differs from the source`
    };
  },
  async apply(op, env, _check, overwrite) {
    const src = await env.sandbox.resolve(op.src);
    const dst = await env.sandbox.resolve(op.dst);
    const ss = await env.fs.lstat(src);
    const created = await env.fs.mkdirp(dirname5(dst));
    if (overwrite) await env.fs.rm(dst);
    try {
      await env.fs.copy(src, dst);
    } catch (err) {
      const e = err;
      if (e.code === "ESPECIAL" && e.path) {
        throw new OpError(
          `cannot copy '${toRel(env.sandbox.root, e.path)}': not a file, directory or symlink`
        );
      }
      throw err;
    }
    return {
      createdDirs: created.map((d) => toRel(env.sandbox.root, d)),
      invalidatesPaths: ss?.type !== "file"
    };
  }
};

// src/ops/delete.ts
var deleteOp = {
  async check(op, env) {
    const s = await env.fs.lstat(await env.sandbox.resolve(op.src));
    return s ? { state: "todo" } : { state: "satisfied", detail: "already absent" };
  },
  async apply(op, env) {
    const abs = await env.sandbox.resolve(op.src);
    const s = await env.fs.lstat(abs);
    await env.fs.rm(abs);
    return { invalidatesPaths: s?.type !== "file" };
  }
};

// src/ops/mkdir.ts
var mkdirOp = {
  async check(op, env) {
    const s = await env.fs.lstat(await env.sandbox.resolve(op.dst));
    if (!s) return { state: "todo" };
    if (s.type === "dir") return { state: "satisfied", detail: "directory exists" };
    return { state: "conflict", detail: `'${op.dst}' exists and is ${describeType(s)}` };
  },
  async apply(op, env, _check, overwrite) {
    const abs = await env.sandbox.resolve(op.dst);
    if (overwrite) await env.fs.rm(abs);
    const created = await env.fs.mkdirp(abs);
    if (created.length === 0) throw new OpError(`'${op.dst}' could not be created`);
    return { createdDirs: created.map((d) => toRel(env.sandbox.root, d)) };
  }
};

// src/ops/move.ts
import { dirname as dirname6 } from "node:path";
var NONE = [];
var moveOp = {
  async check(op, env) {
    const src = env.sandbox.resolveKnown(op.src) ?? await env.sandbox.resolve(op.src);
    const dst = env.sandbox.resolveKnown(op.dst) ?? await env.sandbox.resolve(op.dst);
    if (src === dst) return { state: "satisfied", detail: "source and target are the same path" };
    const ss = await env.fs.lstat(src);
    const ds = await env.fs.lstat(dst);
    if (!ss && ds) return { state: "satisfied", detail: "already moved" };
    if (!ss) throw new OpError(`source '${op.src}' does not exist`);
    if (isInside(src, dst)) throw new OpError(`cannot move '${op.src}' into itself ('${op.dst}')`);
    if (!ds) return { state: "todo", prepared: { srcType: ss.type } };
    if (await sameContent(env.fs, src, dst, ss, ds)) return { state: "todo", prepared: { dedupe: true } };
    return {
      state: "conflict",
      detail: `target '${op.dst}' exists (${describeType(ds)}) and differs from the source`
    };
  },
  async apply(op, env, check, overwrite) {
    const src = env.sandbox.resolveKnown(op.src) ?? await env.sandbox.resolve(op.src);
    const dst = env.sandbox.resolveKnown(op.dst) ?? await env.sandbox.resolve(op.dst);
    const ss = check.prepared?.srcType ? { type: check.prepared.srcType } : await env.fs.lstat(src);
    if (check.prepared?.dedupe) {
      await env.fs.rm(src);
      return { invalidatesPaths: ss?.type !== "file" };
    }
    const created = dirname6(dst) === dirname6(src) ? NONE : await env.fs.mkdirp(dirname6(dst));
    if (overwrite) await env.fs.rm(dst);
    await env.fs.rename(src, dst);
    const invalidatesPaths = ss?.type !== "file";
    return created.length ? { createdDirs: created.map((d) => toRel(env.sandbox.root, d)), invalidatesPaths } : { invalidatesPaths };
  }
};

// src/ops/replace.ts
var replaceOp = {
  async check(op, env) {
    const abs = await env.sandbox.resolve(op.src);
    const s = await env.fs.lstat(abs);
    if (!s) throw new OpError(`'${op.src}' does not exist`);
    if (s.type !== "file") throw new OpError(`'${op.src}' is not a regular file`);
    const before = await env.fs.readFile(abs);
    const after = transform(op.decl, before, op.src);
    if (after.equals(before)) return { state: "satisfied", detail: "no match" };
    return { state: "todo", prepared: { before, after } };
  },
  async apply(op, env, check) {
    const abs = await env.sandbox.resolve(op.src);
    const s = await env.fs.lstat(abs);
    const current = await env.fs.readFile(abs);
    if (!check.prepared?.before?.equals(current))
      throw new OpError(`'${op.src}' changed between check and apply`, { transient: true });
    await env.fs.writeFile(abs, check.prepared.after, s.mode);
    return {};
  }
};
function transform(decl, before, path) {
  if (!decl.regex)
    return replaceBytes(before, Buffer.from(decl.find, "utf8"), Buffer.from(decl.with, "utf8"));
  const text = before.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(before)) {
    throw new OpError(`'${path}' is not valid UTF-8 text; regex replace edits text files only`);
  }
  const re = new RegExp(decl.find, "g" + (decl.flags ?? ""));
  return Buffer.from(text.replace(re, decl.with), "utf8");
}
function replaceBytes(buf, find, withBytes) {
  let at = buf.indexOf(find);
  if (at < 0) return buf;
  const parts = [];
  let from = 0;
  while (at >= 0) {
    parts.push(buf.subarray(from, at), withBytes);
    from = at + find.length;
    at = buf.indexOf(find, from);
  }
  parts.push(buf.subarray(from));
  return Buffer.concat(parts);
}

// src/ops/run.ts
import { existsSync as existsSync3, mkdtempSync, rmSync as rmSync3, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { join as join6, resolve as resolve3 } from "node:path";

// src/ops/launch-direct.ts
import { spawn } from "node:child_process";

// src/ops/capture.ts
var KEEP_BYTES = 1024 * 1024;
var TAIL_BYTES = 4096;
var TAIL_LINES = 10;
var Capture = class _Capture {
  head = [];
  headBytes = 0;
  tail = Buffer.alloc(0);
  total = 0;
  /** A stream kept elsewhere (by the spawner) under the same rules. */
  static of(head, total, tail) {
    const c = new _Capture();
    c.head = [head];
    c.headBytes = head.length;
    c.tail = tail;
    c.total = total;
    return c;
  }
  push(chunk) {
    this.total += chunk.length;
    if (this.headBytes < KEEP_BYTES) {
      const part = chunk.subarray(0, KEEP_BYTES - this.headBytes);
      this.head.push(part);
      this.headBytes += part.length;
    }
    const joined = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    this.tail = joined.length > TAIL_BYTES * 2 ? joined.subarray(-TAIL_BYTES) : joined;
  }
  /** Everything kept, with a note of what was left out. */
  text() {
    const kept = Buffer.concat(this.head).toString("utf8").trimEnd();
    const dropped = this.total - this.headBytes;
    return dropped > 0 ? `${kept}
\u2026 (${dropped} more bytes not shown)` : kept;
  }
  /** The last few lines. */
  lines() {
    const text = this.tail.subarray(Math.max(0, this.tail.length - TAIL_BYTES)).toString("utf8");
    return text.trimEnd().split("\n").slice(-TAIL_LINES).join("\n");
  }
};

// src/ops/launcher.ts
var KILL_AFTER_MS = 1500;
var STREAM_GRACE_MS = 500;

// src/ops/launch-direct.ts
var DirectLauncher = class {
  nextId = 1;
  running = /* @__PURE__ */ new Map();
  start(inv, done) {
    const id = this.nextId++;
    const stdout = new Capture();
    const stderr = new Capture();
    let settled2 = false;
    let timedOut = false;
    const timers = [];
    const end = (code2, signal, error) => {
      if (settled2) return;
      settled2 = true;
      for (const t of timers) clearTimeout(t);
      this.running.delete(id);
      done({ code: code2, signal, ...error ? { error } : {}, ...timedOut ? { timedOut } : {}, stdout, stderr });
    };
    const [file, ...args] = inv.argv;
    let child;
    try {
      child = spawn(file, args, {
        cwd: inv.cwd,
        env: { ...inv.baseEnv, ...inv.vars },
        stdio: ["ignore", "pipe", "pipe"],
        detached: true
      });
    } catch (err) {
      end(null, null, { code: err.code, message: err.message });
      return id;
    }
    this.running.set(id, child);
    if (inv.timeoutMs !== void 0) {
      timers.push(setTimeout(() => (timedOut = true, this.stop(id)), inv.timeoutMs));
    }
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => stderr.push(d));
    child.on(
      "error",
      (err) => end(null, null, { code: err.code, message: err.message })
    );
    child.on("exit", (code2, signal) => {
      timers.push(
        setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          end(code2, signal);
        }, STREAM_GRACE_MS)
      );
    });
    child.on("close", (code2, signal) => end(code2, signal));
    return id;
  }
  stop(id) {
    const pid = this.running.get(id)?.pid;
    signalGroup(pid, "SIGTERM");
    setTimeout(() => signalGroup(pid, "SIGKILL"), KILL_AFTER_MS).unref();
  }
  async end() {
  }
};
function signalGroup(pid, sig) {
  try {
    if (pid) process.kill(-pid, sig);
  } catch {
  }
}

// src/ops/launch-perl.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { constants as constants2 } from "node:os";
import { dirname as dirname7, join as join5 } from "node:path";
import { fileURLToPath } from "node:url";

// src/ops/frames.ts
function encodeFrame(fields) {
  const parts = fields.map((f) => typeof f === "string" ? Buffer.from(f, "utf8") : f);
  const size = parts.reduce((n, p) => n + 4 + p.length, 0);
  const out = Buffer.allocUnsafe(4 + size);
  out.writeUInt32BE(size, 0);
  let at = 4;
  for (const p of parts) {
    out.writeUInt32BE(p.length, at);
    p.copy(out, at + 4);
    at += 4 + p.length;
  }
  return out;
}
var FrameReader = class {
  buf = Buffer.alloc(0);
  push(chunk) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const frames = [];
    while (this.buf.length >= 4) {
      const size = this.buf.readUInt32BE(0);
      if (this.buf.length < 4 + size) break;
      const payload = this.buf.subarray(4, 4 + size);
      this.buf = this.buf.subarray(4 + size);
      const fields = [];
      for (let at = 0; at < payload.length; ) {
        const n = payload.readUInt32BE(at);
        fields.push(payload.subarray(at + 4, at + 4 + n));
        at += 4 + n;
      }
      frames.push(fields);
    }
    return frames;
  }
};

// src/ops/launch-perl.ts
function spawnerScript() {
  const here = dirname7(fileURLToPath(import.meta.url));
  const candidates = [join5(here, "spawner.pl"), join5(here, "..", "spawner.pl")];
  const found = candidates.find((p) => existsSync2(p));
  if (!found) throw new Error(`bulk-ops is incomplete: none of ${candidates.join(", ")} exists`);
  return found;
}
var signalNames = new Map(Object.entries(constants2.signals).map(([name, n]) => [n, name]));
var errnoNames = new Map(Object.entries(constants2.errno).map(([name, n]) => [n, name]));
var PerlLauncher = class {
  constructor(onGone) {
    this.onGone = onGone;
    this.child = spawn2("perl", [spawnerScript()], {
      stdio: ["pipe", "pipe", "inherit"],
      // A session of its own: a terminal's SIGINT reaches the engine, which stops the commands.
      detached: true,
      // No PERL5OPT, PERL5LIB or locale of the runner's: perl runs the script and nothing else.
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }
    });
    this.child.stdout.on("data", (d) => {
      for (const f of this.frames.push(d)) this.received(f);
    });
    this.child.stdin.on("error", () => void 0);
    this.exited = new Promise((resolve4) => {
      this.child.on("error", (err) => (this.fail(err), resolve4()));
      this.child.on("exit", (code2, signal) => {
        this.fail(new Error(signal ? `was killed by ${signal}` : `exited with code ${code2}`));
        resolve4();
      });
    });
    this.holdOpen();
  }
  onGone;
  child;
  ready = false;
  gone = false;
  queued = [];
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  envKeys = /* @__PURE__ */ new WeakMap();
  nextEnvKey = 1;
  frames = new FrameReader();
  exited;
  start(inv, done) {
    let key = this.envKeys.get(inv.baseEnv);
    if (key === void 0) {
      key = this.nextEnvKey++;
      this.envKeys.set(inv.baseEnv, key);
      this.send(["env", String(key), ...pairs(inv.baseEnv)]);
    }
    const id = this.nextId++;
    this.pending.set(id, { inv, done });
    this.holdOpen();
    const timeout = String(inv.timeoutMs ?? 0);
    const head = ["run", String(id), String(key), inv.cwd, timeout, String(inv.argv.length)];
    this.send([...head, ...inv.argv, ...pairs(inv.vars)]);
    return id;
  }
  stop(id) {
    this.send(["stop", String(id)]);
  }
  async end() {
    this.child.ref();
    this.child.stdin.end();
    await this.exited;
  }
  received([type, ...f]) {
    if (type.toString() === "ready") {
      this.ready = true;
      for (const q2 of this.queued) this.child.stdin.write(q2);
      this.queued = [];
      this.holdOpen();
      return;
    }
    const [id, how, n, timedOut, out, outTotal, outTail, err, errTotal, errTail] = f;
    const p = this.pending.get(Number(id.toString()));
    if (!p) return;
    this.pending.delete(Number(id.toString()));
    this.holdOpen();
    const num2 = Number(n.toString());
    const ended = {
      code: null,
      signal: null,
      ...timedOut.toString() === "1" ? { timedOut: true } : {},
      stdout: Capture.of(out, Number(outTotal.toString()), outTail),
      stderr: Capture.of(err, Number(errTotal.toString()), errTail)
    };
    const kind = how.toString();
    if (kind === "error") {
      const code2 = errnoNames.get(num2) ?? `errno ${num2}`;
      p.done({ ...ended, error: { code: code2, message: `${code2}: ${p.inv.argv[0]}` } });
    } else if (kind === "signal") p.done({ ...ended, signal: signalNames.get(num2) ?? null });
    else p.done({ ...ended, code: num2 });
  }
  send(fields) {
    if (this.gone) return;
    const frame = encodeFrame(fields);
    if (this.ready) this.child.stdin.write(frame);
    else this.queued.push(frame);
  }
  /** The spawner keeps this process alive only while something waits for it. */
  holdOpen() {
    const hold = this.pending.size > 0 || !this.ready;
    for (const h of [this.child, this.child.stdout, this.child.stdin]) {
      const handle = h;
      if (hold) handle?.ref?.();
      else handle?.unref?.();
    }
  }
  fail(err) {
    if (this.gone) return;
    this.gone = true;
    const unstarted = this.ready ? [] : [...this.pending.keys()];
    const started = this.ready ? [...this.pending.values()] : [];
    this.pending.clear();
    this.onGone(err.message, unstarted, this.ready);
    const message = `the process that starts commands ${err.message}`;
    for (const p of started) {
      p.done({
        code: null,
        signal: null,
        error: { code: "ELAUNCHER", message },
        stdout: new Capture(),
        stderr: new Capture()
      });
    }
  }
};
function pairs(env) {
  const out = [];
  for (const [k, v] of Object.entries(env)) if (v !== void 0) out.push(k, v);
  return out;
}

// src/ops/command.ts
var STOP_GRACE_MS = 3e3;
var spawnerUnusable;
var Commands = class {
  constructor(env) {
    this.env = env;
  }
  env;
  launcher;
  tickets = /* @__PURE__ */ new Set();
  run(inv, done) {
    const launcher = this.current();
    const ticket = { inv, done, launcher, id: 0 };
    this.tickets.add(ticket);
    this.begin(ticket, launcher);
    return ticket;
  }
  stop(t) {
    t.launcher.stop(t.id);
  }
  async end() {
    await this.launcher?.end();
  }
  begin(t, launcher) {
    t.launcher = launcher;
    t.id = launcher.start(t.inv, (e) => {
      this.tickets.delete(t);
      t.done(e);
    });
  }
  current() {
    if (!this.launcher) {
      if (spawnerUnusable === void 0) {
        const perl = new PerlLauncher(
          (why, unstarted, wasReady) => this.gone(perl, why, unstarted, wasReady)
        );
        this.launcher = perl;
      } else this.launcher = new DirectLauncher();
    }
    return this.launcher;
  }
  gone(perl, why, unstarted, wasReady) {
    if (this.launcher === perl) this.launcher = void 0;
    if (!wasReady) {
      spawnerUnusable ??= why;
      this.env.logger.info(
        `commands are started by the engine itself, at a higher cost per command: the spawner (perl) ${why}`
      );
    }
    const moved = new Set(unstarted);
    for (const t of this.tickets) if (t.launcher === perl && moved.has(t.id)) this.begin(t, this.current());
  }
};
var runs = /* @__PURE__ */ new WeakMap();
function commands(env) {
  let c = runs.get(env);
  if (!c) runs.set(env, c = new Commands(env));
  return c;
}
async function endCommands(env) {
  await runs.get(env)?.end();
}
function runInvocation(inv, env) {
  return new Promise((resolve4, reject) => {
    const cmds = commands(env);
    let stopped = false;
    let grace;
    const onAbort = () => {
      stopped = true;
      grace = setTimeout(() => cmds.stop(ticket), STOP_GRACE_MS);
    };
    const ticket = cmds.run(inv, (e) => {
      clearTimeout(grace);
      env.signal.removeEventListener("abort", onAbort);
      const out = e.stdout.text();
      const errText = e.stderr.text();
      if (out) env.logger.debug(`#${inv.seq} stdout:
${out}`);
      if (errText) env.logger.debug(`#${inv.seq} stderr:
${errText}`);
      const err = outcome(inv, e, stopped);
      if (err) reject(err);
      else resolve4();
    });
    if (env.signal.aborted) onAbort();
    else env.signal.addEventListener("abort", onAbort, { once: true });
  });
}
function outcome(inv, e, stopped) {
  const { label } = inv;
  if (e.error) {
    const { code: code2, message } = e.error;
    if (code2 === "ENOENT") return new OpError(`command not found: ${label}`, { code: code2 });
    if (code2 === "ELAUNCHER") return new OpError(`cannot run ${label}: ${message}`, { code: code2, transient: true });
    return new OpError(`cannot start ${label}: ${message}`, { code: code2 });
  }
  const tail = e.stderr.lines();
  const withTail = (s) => tail ? `${s}; stderr:
${tail}` : s;
  if (e.timedOut) {
    const s = withTail(`${label} timed out after ${formatDuration(inv.timeoutMs)}`);
    return new OpError(s, { transient: true, code: "ETIMEDOUT" });
  }
  if (e.code === 0) return void 0;
  if (stopped && e.signal) {
    return new OpError(`${label} was stopped (${e.signal}) because the run is stopping`, {
      code: "EINTERRUPTED"
    });
  }
  if (e.signal) return new OpError(withTail(`${label} was killed by ${e.signal}`), { code: "ESIGNAL" });
  return new OpError(withTail(`${label} exited with code ${e.code}`), { code: `EXIT${e.code}` });
}

// src/ops/run.ts
var SCRUBBED = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$|GITHUB_TOKEN$)/;
var runOp = {
  async check(op, env) {
    if (op.creates !== void 0 && await env.fs.lstat(await env.sandbox.resolve(op.creates))) {
      return { state: "satisfied", detail: `guard: '${op.creates}' exists` };
    }
    if (op.removes !== void 0 && !await env.fs.lstat(await env.sandbox.resolve(op.removes))) {
      return { state: "satisfied", detail: `guard: '${op.removes}' is absent` };
    }
    return { state: "todo" };
  },
  async apply(op, env) {
    if (env.fs.simulated) throw new Error("run cannot be simulated");
    await runInvocation(invocation(op, env, { BULK_OPS_PATH: op.match ?? "" }, op.argv), env);
    return { invalidatesPaths: true };
  }
};
async function runBatch(ops, env) {
  if (env.fs.simulated) throw new Error("run cannot be simulated");
  const paths = ops.map((o) => o.src ?? o.match ?? "");
  const dir = mkdtempSync(join6(listsDir(env), "bulk-ops-paths-"));
  try {
    const file = join6(dir, "paths");
    writeFileSync2(file, paths.map((p) => `${p}\0`).join(""));
    const argv = ops[0].argv?.flatMap((a) => a === PATHS_ITEM ? paths : [a]);
    await runInvocation(invocation(ops[0], env, { BULK_OPS_PATHS_FILE: file }, argv), env);
  } finally {
    rmSync3(dir, { recursive: true, force: true });
  }
}
function listsDir(env) {
  const runner = process.env.RUNNER_TEMP;
  if (runner && existsSync3(runner) && !isInside(env.sandbox.root, resolve3(runner))) return runner;
  return tmpdir();
}
var inherited = /* @__PURE__ */ new WeakMap();
function baseEnv(env) {
  let out = inherited.get(env);
  if (!out) {
    out = {};
    for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED.test(k)) out[k] = v;
    inherited.set(env, out);
  }
  return out;
}
function invocation(op, env, paths, argv) {
  const { decl } = op;
  const root = env.sandbox.root;
  const vars = {
    ...decl.env,
    ...paths,
    BULK_OPS_WORKSPACE: root,
    BULK_OPS_SEQ: String(op.seq),
    BULK_OPS_ATTEMPT: String(op.attempt ?? 1)
  };
  const shell = decl.shell !== void 0;
  return {
    argv: shell ? ["bash", "-c", decl.shell, "bulk-ops"] : argv,
    baseEnv: baseEnv(env),
    vars,
    cwd: root,
    label: shell ? "shell script" : `'${argv[0]}'`,
    seq: op.seq,
    ...decl.timeoutMs !== void 0 ? { timeoutMs: decl.timeoutMs } : {}
  };
}

// src/ops/write.ts
import { dirname as dirname8 } from "node:path";
var writeOp = {
  async check(op, env) {
    const abs = await env.sandbox.resolve(op.dst);
    const after = Buffer.from(op.decl.content ?? "", "utf8");
    const s = await env.fs.lstat(abs);
    if (!s) return { state: "todo", prepared: { after } };
    if (isUnfinishedFile(s, after.length) && op.decl.mode !== UNFINISHED_MODE)
      return { state: "todo", detail: "finishing a write that was interrupted", prepared: { after } };
    if (s.type !== "file")
      return { state: "conflict", detail: `'${op.dst}' exists and is ${describeType(s)}` };
    const before = await env.fs.readFile(abs);
    if (!before.equals(after)) {
      return {
        state: "conflict",
        detail: `'${op.dst}' exists with other content`,
        prepared: { before, after }
      };
    }
    if (op.decl.mode !== void 0 && s.mode !== op.decl.mode)
      return { state: "todo", prepared: { before, after } };
    return { state: "satisfied", detail: "content already identical" };
  },
  async apply(op, env, check) {
    const abs = await env.sandbox.resolve(op.dst);
    const s = await env.fs.lstat(abs);
    const created = await env.fs.mkdirp(dirname8(abs));
    const data = check.prepared?.after ?? Buffer.from(op.decl.content ?? "", "utf8");
    const unfinished = !!s && isUnfinishedFile(s, data.length);
    const mode = op.decl.mode ?? (s?.type === "file" && !unfinished ? s.mode : 420);
    if (!s && mode !== UNFINISHED_MODE) {
      try {
        await env.fs.createFile(abs, data, mode);
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
        throw new OpError(`'${op.dst}' appeared between check and apply`, { transient: true });
      }
    } else {
      if (s && s.type !== "file") await env.fs.rm(abs);
      await env.fs.writeFile(abs, data, mode);
    }
    return {
      createdDirs: created.map((d) => toRel(env.sandbox.root, d)),
      invalidatesPaths: !!s && s.type !== "file"
    };
  }
};

// src/ops/index.ts
var OPS = {
  mkdir: mkdirOp,
  move: moveOp,
  rename: moveOp,
  copy: copyOp,
  delete: deleteOp,
  write: writeOp,
  replace: replaceOp,
  run: runOp
};

// src/engine/execute.ts
var DIFF_LIMIT = 16 * 1024;
var ALIAS_FREE_PATHS = process.platform === "linux";
function settle(base, tries, outcome2, reason, extra) {
  base.outcome = outcome2;
  base.reason = reason;
  base.attempts = tries.count;
  return extra ? Object.assign(base, extra) : base;
}
async function execute(ctx, op, base) {
  const tries = { count: ctx.state?.tries[op.seq] ?? 0, started: false };
  for (; ; ) {
    tries.started = false;
    try {
      const check = reconciled(ctx, op, await OPS[op.kind].check(op, ctx.env));
      const verdict = decide(op.decl, check);
      if (verdict === "satisfied" || verdict === "conflict")
        return skipped(ctx, op, base, tries, check, verdict);
      if (ctx.dryRun) return await preview(ctx, op, base, tries, check, verdict === "overwrite");
      await applyJournaled(ctx, op, check, verdict === "overwrite", tries);
      return settle(base, tries, "executed", null, check.detail ? { detail: check.detail } : void 0);
    } catch (err) {
      const r = await afterError(ctx, op, base, tries, err);
      if (r) return r;
    }
  }
}
async function checkStep(ctx, op, base, tries) {
  const check = reconciled(ctx, op, await OPS[op.kind].check(op, ctx.env));
  const verdict = decide(op.decl, check);
  if (verdict === "satisfied" || verdict === "conflict")
    return { skipped: skipped(ctx, op, base, tries, check, verdict) };
  return { check, overwrite: verdict === "overwrite" };
}
function skipped(ctx, op, base, tries, check, verdict) {
  ctx.journal?.record({ t: "k", q: op.seq, a: ctx.attempt, r: verdict });
  const extra = {};
  if (check.detail) extra.detail = check.detail;
  if (ctx.dryRun) extra.classification = verdict;
  return settle(base, tries, "skipped", verdict, extra);
}
async function preview(ctx, op, base, tries, check, overwrite) {
  if (op.kind === "run") {
    return settle(base, tries, "skipped", "dry-run", {
      classification: "cannot-preview",
      detail: "commands are not run in a dry-run"
    });
  }
  const diff = previewDiff(op, check);
  await OPS[op.kind].apply(op, ctx.env, check, overwrite);
  return settle(base, tries, "skipped", "dry-run", {
    classification: "would-execute",
    ...diff ? { diff } : {}
  });
}
function reconciled(ctx, op, check) {
  if (check.state !== "todo" || !check.prepared?.before || ctx.state?.status[op.seq] !== 1 /* Started */)
    return check;
  const h = ctx.state.startedHash.get(op.seq);
  return h && hashOf(check.prepared.before) === h ? { state: "satisfied", detail: "completed before the interruption" } : check;
}
function decide(decl, check) {
  if (check.state === "satisfied") return "satisfied";
  if (check.state !== "conflict") return "apply";
  if (decl.policy.onConflict === "skip") return "conflict";
  if (decl.policy.onConflict === "overwrite") return "overwrite";
  throw new OpError(`conflict: ${check.detail} (on-conflict: fail; set on-conflict to skip or overwrite)`);
}
async function applyJournaled(ctx, op, check, overwrite, tries) {
  const journal = ctx.journal;
  const { seq } = op;
  journal.record(
    op.kind === "replace" && check.prepared?.after ? { t: "s", q: seq, a: ctx.attempt, h: hashOf(check.prepared.after) } : { t: "s", q: seq, a: ctx.attempt }
  );
  tries.started = true;
  op.attempt = ++tries.count;
  const paths = op.src === void 0 ? op.dst === void 0 ? [] : [op.dst] : op.dst === void 0 ? [op.src] : [op.src, op.dst];
  const independent = op.kind !== "run" && op.kind !== "replace" && ALIAS_FREE_PATHS && !ctx.sandbox.throughSymlink;
  journal.beforeChange(independent ? paths : null);
  const result = await OPS[op.kind].apply(op, ctx.env, check, overwrite);
  if (result.invalidatesPaths) ctx.sandbox.invalidate();
  journal.record(
    result.createdDirs?.length ? { t: "x", q: seq, a: ctx.attempt, dirs: result.createdDirs } : { t: "x", q: seq, a: ctx.attempt }
  );
  if (op.kind === "run" || result.invalidatesPaths) journal.barrier();
  else journal.afterChange(paths);
}
async function afterError(ctx, op, base, tries, err) {
  const message = errorMessage(err);
  if (err.code === "EINTERRUPTED") return interrupted(ctx, op, base, tries);
  if (ctx.dryRun) return settle(base, tries, "failed", null, { classification: "would-fail", error: message });
  if (failedTry(ctx, op, tries, message, isTransient(err))) {
    await backoff(ctx, op, tries, message);
    return null;
  }
  ctx.logger.error(`#${op.seq} ${opLabel(op.decl.index, op.decl.id)} (${op.kind}) failed: ${message}`);
  return gaveUpOrFailed(op.decl, base, tries, message);
}
function interrupted(ctx, op, base, tries) {
  ctx.journal?.record({ t: "i", q: op.seq, a: ctx.attempt });
  ctx.journal?.barrier();
  const why = ctx.stopper.stoppedBy ?? "signal";
  return settle(base, tries, "pending", why, { attempts: Math.max(0, tries.count - 1) });
}
function failedTry(ctx, op, tries, message, transient) {
  const journal = ctx.journal;
  if (!tries.started) {
    journal.record({ t: "s", q: op.seq, a: ctx.attempt });
    tries.count++;
  }
  ctx.sandbox.invalidate();
  journal.record({ t: "f", q: op.seq, a: ctx.attempt, e: message });
  return transient && tries.count < op.decl.policy.maxAttempts && !ctx.stopper.signal.aborted;
}
async function backoff(ctx, op, tries, message) {
  const { decl } = op;
  ctx.logger.warning(
    `#${op.seq} ${opLabel(decl.index, decl.id)}: ${message}; retrying (try ${tries.count + 1} of ${decl.policy.maxAttempts})`
  );
  const delay = (ctx.o.retryBaseMs ?? 200) * 2 ** (tries.count - 1);
  await sleep(delay, void 0, { signal: ctx.stopper.signal }).catch(() => {
  });
}
function gaveUpOrFailed(decl, base, tries, message) {
  const reason = tries.count >= decl.policy.maxAttempts ? "gave-up" : null;
  return settle(base, tries, "failed", reason, { error: message });
}
function failWithout(ctx, decl, base, message) {
  const seq = base.seq;
  ctx.journal?.record({ t: "s", q: seq, a: ctx.attempt });
  ctx.journal?.record({ t: "f", q: seq, a: ctx.attempt, e: message });
  const r = gaveUpOrFailed(decl, base, { count: ctx.state?.tries[seq] ?? 1, started: true }, message);
  return ctx.dryRun ? Object.assign(r, { classification: "would-fail" }) : r;
}
async function stillSatisfied(ctx, op) {
  try {
    return (await OPS[op.kind].check(op, ctx.env)).state === "satisfied";
  } catch {
    return false;
  }
}
function hashOf(b) {
  return createHash3("sha256").update(b).digest("hex").slice(0, 32);
}
function previewDiff(op, check) {
  if (op.kind !== "write" && op.kind !== "replace") return void 0;
  const before = check.prepared?.before?.toString("utf8") ?? "";
  const after = check.prepared?.after?.toString("utf8") ?? "";
  const path = op.kind === "write" ? op.dst : op.src;
  const diff = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, void 0, void 0, {
    context: 3
  });
  return diff.length > DIFF_LIMIT ? `${diff.slice(0, DIFF_LIMIT)}
\u2026 (diff truncated)` : diff;
}

// src/engine/in-flight.ts
function nested(a, b) {
  if (a === b || a === "" || b === "" || a === "." || b === ".") return true;
  return a.length < b.length ? b.charCodeAt(a.length) === 47 && b.startsWith(a) : a.charCodeAt(b.length) === 47 && a.startsWith(b);
}
var InFlight = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  tasks = /* @__PURE__ */ new Map();
  failure;
  get size() {
    return this.tasks.size;
  }
  /** Waits until an operation (or a batch) on `paths` may start. */
  async admit(paths) {
    while (!this.failure && (this.tasks.size >= this.limit || this.blocks(paths))) await this.settleOne();
    if (this.failure) await this.idle();
  }
  /** Tracks a started operation (or batch) on `paths` until it ends. */
  track(paths, task) {
    const tracked = task.then(
      () => void this.tasks.delete(tracked),
      (err) => {
        this.tasks.delete(tracked);
        this.failure ??= { err };
      }
    );
    this.tasks.set(tracked, paths);
  }
  /** Waits until every tracked operation has ended. */
  async idle() {
    while (this.tasks.size > 0) await this.settleOne();
    if (this.failure) throw this.failure.err;
  }
  blocks(paths) {
    for (const held2 of this.tasks.values()) {
      for (const p of held2) for (const q2 of paths) if (nested(p, q2)) return true;
    }
    return false;
  }
  async settleOne() {
    await Promise.race(this.tasks.keys());
  }
};

// src/engine/batch.ts
var BATCH_ARGV_BYTES = 256 * 1024;
async function admitToBatch(ctx, op, base) {
  const tries = { count: ctx.state?.tries[op.seq] ?? 0, started: false };
  try {
    const checked = await checkStep(ctx, op, base, tries);
    return "skipped" in checked ? checked.skipped : { op, base, tries };
  } catch (err) {
    failedTry(ctx, op, tries, errorMessage(err), false);
    return gaveUpOrFailed(op.decl, base, tries, errorMessage(err));
  }
}
var BatchForm = class {
  constructor(limit, fixed, argvPaths) {
    this.limit = limit;
    this.fixed = fixed;
    this.argvPaths = argvPaths;
    this.bytes = fixed;
  }
  limit;
  fixed;
  argvPaths;
  members = [];
  bytes;
  get size() {
    return this.members.length;
  }
  /** True when `m` may join the batch being formed. */
  accepts(m) {
    if (this.members.length === 0) return true;
    if (this.members.length >= this.limit) return false;
    if (this.argvPaths && this.bytes + argBytes(m.op.src ?? "") > BATCH_ARGV_BYTES) return false;
    const p = m.op.src ?? "";
    return !this.members.some((o) => nested(o.op.src ?? "", p));
  }
  add(m) {
    this.members.push(m);
    this.bytes += argBytes(m.op.src ?? "");
  }
  /** The batch formed so far; the form starts empty again. */
  take() {
    const out = this.members;
    this.members = [];
    this.bytes = this.fixed;
    return out;
  }
};
function batchFormFor(op) {
  const argv = op.decl.shell === void 0 ? op.argv ?? [] : [];
  const fixed = argv.filter((a) => a !== PATHS_ITEM).reduce((n, a) => n + argBytes(a), 0);
  return new BatchForm(op.decl.batch, fixed, op.decl.shell === void 0);
}
function argBytes(s) {
  return Buffer.byteLength(s) + 1;
}
async function executeBatch(ctx, members) {
  const journal = ctx.journal;
  const done = [];
  let live = members;
  while (live.length) {
    for (const m of live) {
      journal.record({ t: "s", q: m.op.seq, a: ctx.attempt });
      m.tries.started = true;
      m.op.attempt = ++m.tries.count;
    }
    journal.barrier();
    try {
      await runBatch(
        live.map((m) => m.op),
        ctx.env
      );
      ctx.sandbox.invalidate();
      for (const m of live) {
        journal.record({ t: "x", q: m.op.seq, a: ctx.attempt });
        done.push(settle(m.base, m.tries, "executed", null));
      }
      journal.barrier();
      return done;
    } catch (err) {
      live = await afterBatchError(ctx, live, err, done);
    }
  }
  return done;
}
async function afterBatchError(ctx, live, err, done) {
  if (err.code === "EINTERRUPTED") {
    for (const m of live) done.push(interrupted(ctx, m.op, m.base, m.tries));
    return [];
  }
  const message = errorMessage(err);
  const again = [];
  for (const m of live) {
    if (failedTry(ctx, m.op, m.tries, message, isTransient(err))) again.push(m);
    else done.push(gaveUpOrFailed(m.op.decl, m.base, m.tries, message));
  }
  const { decl, seq } = live[0].op;
  const lastSeq = live[live.length - 1].op.seq;
  ctx.logger.error(
    `#${seq}\u2013#${lastSeq} ${opLabel(decl.index, decl.id)} (run, batch of ${live.length}) failed: ${message}`
  );
  if (again.length) await backoff(ctx, again[0].op, again[0].tries, message);
  return again;
}

// src/plan/collisions.ts
import { posix as posix4 } from "node:path";
var NAMED_TARGETS = 5;
var NAMED_SOURCES = 10;
function targetOf(op) {
  return op.kind === "run" ? void 0 : op.dst ?? op.src;
}
function quoteList(paths) {
  const named = paths.slice(0, NAMED_SOURCES).map((p) => `'${p}'`);
  if (paths.length > NAMED_SOURCES) named.push(`and ${paths.length - NAMED_SOURCES} more`);
  return named.join(", ");
}
function collidingTargets(decl, matches, base) {
  if (decl.kind === "run" || matches.length < 2) return null;
  if (decl.each === void 0 && (decl.kind === "delete" || decl.kind === "replace")) return null;
  const sources = /* @__PURE__ */ new Map();
  for (let i = 0; i < matches.length; i++) {
    const match = matches.get(i);
    let op;
    try {
      op = resolveOp(decl, match, base, i);
    } catch {
      continue;
    }
    const t = targetOf(op);
    if (t === void 0) continue;
    const from = op.src ?? match;
    const list = sources.get(t);
    if (list) list.push(from);
    else sources.set(t, [from]);
  }
  const problems = [];
  let count = 0;
  for (const [target, from] of sources) {
    if (from.length > 1) {
      if (count++ < NAMED_TARGETS) problems.push(`target '${target}' is where ${quoteList(from)} all go`);
    }
    for (let d = posix4.dirname(target); d !== "." && d !== "/"; d = posix4.dirname(d)) {
      const outer = sources.get(d);
      if (!outer) continue;
      const carried = outer.length === 1 && from.length === 1 && from[0] === outer[0] + target.slice(d.length);
      if (!carried && count++ < NAMED_TARGETS)
        problems.push(
          `target '${target}' (from ${quoteList(from)}) lies inside target '${d}' (from ${quoteList(outer)})`
        );
      break;
    }
  }
  if (!problems.length) return null;
  const more = count > NAMED_TARGETS ? `; and ${count - NAMED_TARGETS} more` : "";
  return `its targets collide, so none of its ${matches.length} operations runs: ${problems.join("; ")}${more}`;
}

// src/engine/expansion.ts
function concreteCount(exp) {
  return exp.error !== void 0 ? 1 : exp.matches.length;
}
var Expansions = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  dry = [];
  drySeq = 0;
  /** The expansion of `decl` if it was frozen already. */
  frozen(decl) {
    return this.ctx.dryRun ? this.dry[decl.index] : this.ctx.state.expansions[decl.index];
  }
  /** Expands `decl` now and freezes the result, which gets the next seqs. */
  async freeze(decl) {
    const { ctx } = this;
    return this.frozenNow(decl, await expandNow(decl, ctx.sandbox, ctx.fs, ctx.logger, this.where(decl)));
  }
  /**
   * `freeze` for a declared operation that names its one path (no glob), without a promise
   * (one per declared operation of an explicit plan); undefined for a glob.
   */
  freezeLiteral(decl) {
    const exp = expandLiteralNow(decl, this.ctx.logger, this.where(decl));
    return exp ? this.frozenNow(decl, exp) : void 0;
  }
  where(decl) {
    return { inShard: !!this.ctx.o.shard && isFanOut(decl) };
  }
  frozenNow(decl, exp) {
    const { ctx } = this;
    const { shard } = ctx.o;
    if (shard && isFanOut(decl) && exp.error === void 0) {
      const { own, others } = splitMatches(decl, exp.matches, exp.base, shard);
      exp.matches = own;
      if (others.length) exp.others = others;
    }
    if (ctx.dryRun) {
      exp.seq0 = this.drySeq;
      this.drySeq += concreteCount(exp);
      return this.dry[decl.index] = exp;
    }
    const rec = { t: "exp", d: decl.index, b: exp.base, m: exp.matches };
    if (exp.error !== void 0) rec.n = exp.error;
    if (exp.others) rec.o = exp.others;
    ctx.journal.record(rec);
    return ctx.state.expansions[decl.index];
  }
};
async function expandNow(decl, sandbox, fs2, logger, o = {}) {
  let e;
  try {
    e = await expand(decl, sandbox, fs2);
  } catch (err) {
    return failedExpansion(decl, err);
  }
  return settled(decl, e, logger, o);
}
function expandLiteralNow(decl, logger, o = {}) {
  let e;
  try {
    e = expandLiteral(decl);
  } catch (err) {
    return failedExpansion(decl, err);
  }
  return e && settled(decl, e, logger, o);
}
function what(decl) {
  return decl.each !== void 0 ? `each: ${decl.each}` : `${decl.subject}`;
}
function failedExpansion(decl, err) {
  return {
    seq0: 0,
    base: ".",
    matches: MatchList.EMPTY,
    error: `cannot expand '${what(decl)}': ${errorMessage(err)}`
  };
}
function settled(decl, e, logger, o) {
  try {
    for (const w of e.warnings ?? []) logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): ${w}`);
    if (e.noMatch && o.inShard) {
      logger.info(
        `${opLabel(decl.index, decl.id)} (${decl.kind}): glob '${what(decl)}' matched nothing in this shard; the merge fails it if it matched nothing in any shard (if-no-match: error)`
      );
      return { seq0: 0, base: e.base, matches: MatchList.EMPTY };
    }
    if (e.noMatch)
      return {
        seq0: 0,
        base: e.base,
        matches: MatchList.EMPTY,
        error: `glob '${what(decl)}' matched nothing (if-no-match: error)`
      };
    const collision = collidingTargets(decl, e.matches, e.base);
    if (collision) return { seq0: 0, base: e.base, matches: MatchList.EMPTY, error: collision };
    if (e.matches.length === 0 && decl.policy.ifNoMatch === "warn") {
      logger.warning(`${opLabel(decl.index, decl.id)} (${decl.kind}): glob '${what(decl)}' matched nothing`);
    }
    return { seq0: 0, base: e.base, matches: e.matches };
  } catch (err) {
    return failedExpansion(decl, err);
  }
}

// src/engine/resume.ts
function mayBeSettled(ctx, seq) {
  const { state: state2 } = ctx;
  return !!state2 && (state2.isDone(seq) || state2.status[seq] === 4 /* Failed */);
}
async function settledEarlier(ctx, decl, base, op, lastError) {
  const { state: state2 } = ctx;
  if (!state2) return null;
  const seq = base.seq;
  if (state2.isDone(seq) && !(ctx.o.reverifyDone && op && !await stillSatisfied(ctx, op))) {
    return Object.assign(base, { outcome: "skipped", reason: "done-earlier", attempts: state2.tries[seq] });
  }
  if (state2.status[seq] === 4 /* Failed */ && state2.tries[seq] >= decl.policy.maxAttempts) {
    return Object.assign(base, {
      outcome: "failed",
      reason: "gave-up",
      attempts: state2.tries[seq],
      error: state2.errors.get(seq) ?? lastError
    });
  }
  return null;
}

// src/engine/scheduler.ts
var Scheduler = class {
  constructor(ctx, report) {
    this.ctx = ctx;
    this.report = report;
    this.expansions = new Expansions(ctx);
    this.lastCheckpoint = ctx.now();
  }
  ctx;
  report;
  expansions;
  lastCheckpoint;
  lastYield = Date.now();
  serial = new InFlight(1);
  async run() {
    for (const decl of this.ctx.o.plan.ops) await this.runDeclared(decl);
  }
  /**
   * One declared operation: expanded when reached, its concrete operations dispatched in seq
   * order, up to its `parallel` at once (alone or in batches); the next declared operation
   * waits until all have ended.
   */
  async runDeclared(decl) {
    let exp = this.expansions.frozen(decl);
    if (!exp) {
      const stop = this.ctx.stopper.check();
      if (stop) return this.report.add(unexpanded(decl, stop), decl);
      exp = this.expansions.freezeLiteral(decl) ?? await this.expansions.freeze(decl);
      youngGenerationChecked();
    }
    const count = concreteCount(exp);
    if (exp.others) this.report.others += exp.others.length;
    this.report.live.known = exp.seq0 + count;
    const lanes = decl.policy.parallel === 1 ? this.serial : new InFlight(decl.policy.parallel);
    const batched = decl.batch !== void 0 && !this.ctx.dryRun;
    const from = this.report.lines.length;
    const t0 = this.ctx.now();
    let form;
    const label = opLabel(decl.index, decl.id);
    for (let i = 0; i < count; i++) {
      const c = this.concrete(decl, exp, i, label);
      this.report.place(c.base, decl, exp);
      if (batched) form = await this.toBatch(c, form, lanes);
      else if (lanes.limit === 1) await this.dispatch(c);
      else await this.launch([c.op?.src ?? c.base.from ?? ""], () => this.dispatch(c), lanes);
      if (this.due()) await this.between(lanes);
      if ((i & 4095) === 4095) youngGenerationChecked();
    }
    if (form?.size) await this.launchBatch(form.take(), lanes);
    if (lanes !== this.serial) await lanes.idle();
    if (decl.kind === "run") this.report.commandStats(decl, from, this.ctx.now() - t0);
  }
  /** Starts an operation or a batch once it has room: at once when one at a time. */
  async launch(paths, start, lanes) {
    if (lanes.limit === 1) return start();
    if (!this.ctx.stopper.check()) await lanes.admit(paths);
    lanes.track(paths, start());
  }
  /** Runs one concrete operation and counts its outcome. */
  async dispatch(c) {
    const { live } = this.report;
    live.inFlight++;
    let r;
    try {
      r = await this.runConcrete(c);
    } finally {
      live.inFlight--;
    }
    this.ended(c.decl, r);
  }
  /** Counts an ended operation; a failure under continue-on-error: false stops the run. */
  ended(decl, r) {
    this.report.count(r);
    if (r.outcome === "failed" && !decl.policy.continueOnError) this.ctx.stopper.stop("fail-fast");
  }
  /**
   * Adds a concrete operation of a batched run to the batch being formed, once earlier attempts
   * and its guard say it is to run; a full batch (or one it cannot join) is launched.
   */
  async toBatch(c, form, lanes) {
    const early = await this.settledWithoutRunning(c);
    if (early) return this.ended(c.decl, early), form;
    const m = await admitToBatch(this.ctx, c.op, c.base);
    if (!("tries" in m)) return this.ended(c.decl, m), form;
    form ??= batchFormFor(c.op);
    if (!form.accepts(m)) await this.launchBatch(form.take(), lanes);
    form.add(m);
    if (form.size >= c.decl.batch) await this.launchBatch(form.take(), lanes);
    return form;
  }
  launchBatch(members, lanes) {
    return this.launch(
      members.map((m) => m.op.src ?? ""),
      () => this.dispatchBatch(members),
      lanes
    );
  }
  /** Runs a batch (pending when the run is stopping by now) and counts each member's outcome. */
  async dispatchBatch(members) {
    const { decl } = members[0].op;
    const stop = this.ctx.stopper.check();
    if (stop) {
      for (const m of members) this.ended(decl, this.pending(m.base, stop));
      return;
    }
    const { live } = this.report;
    live.inFlight += members.length;
    const reports = await executeBatch(this.ctx, members).finally(() => live.inFlight -= members.length);
    for (const r of reports) this.ended(decl, r);
  }
  /** The i-th concrete operation of an expansion, with its templates rendered. */
  concrete(decl, exp, i, label) {
    const base = baseReport(decl, exp.seq0 + i, label);
    const { from, to, op, error } = resolveConcrete(decl, exp, i);
    base.from = from;
    base.to = to;
    return op ? { decl, base, op } : { decl, base, error };
  }
  /** Settled earlier, pending (the run is stopping), failed without running, or executed now. */
  runConcrete(c) {
    if (c.error === void 0 && !mayBeSettled(this.ctx, c.base.seq) && !this.ctx.stopper.check())
      return execute(this.ctx, c.op, c.base);
    return this.settledWithoutRunning(c).then((r) => r ?? execute(this.ctx, c.op, c.base));
  }
  /** The outcome of an operation that is not to run now; null when it is to run. */
  async settledWithoutRunning(c) {
    const { ctx } = this;
    const earlier = await settledEarlier(ctx, c.decl, c.base, c.op, c.error ?? null);
    if (earlier) return earlier;
    const stop = ctx.stopper.check();
    if (stop) return this.pending(c.base, stop);
    if (c.error !== void 0) return failWithout(ctx, c.decl, c.base, c.error);
    return null;
  }
  pending(base, reason) {
    const attempts = this.ctx.state?.tries[base.seq] ?? 0;
    return Object.assign(base, { outcome: "pending", reason, attempts });
  }
  /** Whether the event loop's turn or a checkpoint is due (most dispatches need neither). */
  due() {
    const { ctx } = this;
    const every = ctx.o.checkpointEveryMs;
    return Date.now() - this.lastYield >= 20 || !!ctx.journal && every !== void 0 && ctx.now() - this.lastCheckpoint >= every;
  }
  /**
   * Between two dispatches: let signals, timers and I/O callbacks run now and then, and take a
   * checkpoint when due, as a consistent cut: dispatch pauses, the operations in flight end.
   */
  async between(lanes) {
    if (Date.now() - this.lastYield >= 20) {
      await new Promise((res) => setImmediate(res));
      this.lastYield = Date.now();
    }
    const { ctx } = this;
    const every = ctx.o.checkpointEveryMs;
    if (ctx.journal && every !== void 0 && ctx.now() - this.lastCheckpoint >= every) {
      await lanes.idle();
      await checkpoint(ctx);
      this.lastCheckpoint = ctx.now();
    }
  }
};

// src/engine.ts
async function runPlan(o) {
  boundYoungGeneration();
  const ctx = await openRun(o);
  const report = new ReportBuilder(o.onProgress);
  try {
    await new Scheduler(ctx, report).run();
  } finally {
    await endCommands(ctx.env);
  }
  ctx.stopper.dispose();
  const { counts } = report;
  const how = ctx.stopper.stoppedBy ?? (counts.failed > 0 ? "failed" : "complete");
  const { journal } = ctx;
  journal?.record({
    t: "end",
    a: ctx.attempt,
    at: ctx.now(),
    how,
    ex: counts.executed,
    sk: counts.skipped,
    fl: counts.failed,
    pe: counts.pending
  });
  if (journal) {
    snapshotSafely(ctx);
    journal.close();
  }
  return report.finish(ctx);
}

// src/plan/parallel.ts
import { availableParallelism } from "node:os";
var MAX_PARALLEL = 1024;
function parallelism(p) {
  return p === "auto" ? availableParallelism() : p;
}
function parseParallel(text, what2) {
  if (text === "auto") return "auto";
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PARALLEL) {
    throw new UsageError(`${what2}: '${text}' is not a whole number from 1 to ${MAX_PARALLEL}, or auto`);
  }
  return n;
}

// src/plan/load.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";

// schema/plan.schema.json
var plan_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/bulk-ops/bulk-ops/schema/plan.schema.json",
  title: "bulk-ops plan",
  description: "A declared, ordered list of file operations that bulk-ops runs and resumes.",
  type: "object",
  additionalProperties: false,
  required: ["version", "operations"],
  properties: {
    version: { const: 1, description: "Plan format version; only 1 exists." },
    defaults: {
      type: "object",
      additionalProperties: false,
      properties: {
        "on-conflict": { $ref: "#/definitions/onConflict" },
        "if-no-match": { $ref: "#/definitions/ifNoMatch" },
        "max-attempts": { $ref: "#/definitions/maxAttempts" },
        "continue-on-error": { type: "boolean" },
        parallel: { $ref: "#/definitions/parallel" },
        "shard-by": { $ref: "#/definitions/shardBy" }
      }
    },
    operations: {
      type: "array",
      minItems: 1,
      items: { $ref: "#/definitions/operation" }
    }
  },
  definitions: {
    onConflict: {
      enum: ["fail", "skip", "overwrite"],
      description: "What to do when the target exists and differs."
    },
    ifNoMatch: {
      enum: ["error", "warn", "ignore"],
      description: "What to do when a glob matches nothing."
    },
    maxAttempts: { type: "integer", minimum: 1, maximum: 100 },
    parallel: {
      description: "run operations: concrete operations in flight at once; auto is the machine's available parallelism.",
      anyOf: [{ type: "integer", minimum: 1, maximum: 1024 }, { const: "auto" }]
    },
    path: { type: "string", minLength: 1, maxLength: 4096 },
    shardBy: {
      type: "string",
      minLength: 1,
      maxLength: 4096,
      description: "With the shard input: the key a fan-out's match is assigned to a shard by, a template over the match (default {stem}, so a file keeps its shard through moves and extension renames)."
    },
    duration: {
      type: "string",
      pattern: "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$",
      description: "A duration such as 90s, 2m, 1h30m or 500ms."
    },
    common: {
      description: "Keys every operation may carry.",
      type: "object",
      properties: {
        id: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" },
        each: {
          $ref: "#/definitions/path",
          description: "Glob to fan the operation out over; {path} etc. refer to each match."
        },
        "on-conflict": { $ref: "#/definitions/onConflict" },
        "if-no-match": { $ref: "#/definitions/ifNoMatch" },
        "max-attempts": { $ref: "#/definitions/maxAttempts" },
        "continue-on-error": { type: "boolean" },
        "shard-by": { $ref: "#/definitions/shardBy" }
      }
    },
    operation: {
      type: "object",
      minProperties: 1,
      oneOf: [
        { $ref: "#/definitions/op-mkdir" },
        { $ref: "#/definitions/op-move" },
        { $ref: "#/definitions/op-rename" },
        { $ref: "#/definitions/op-copy" },
        { $ref: "#/definitions/op-delete" },
        { $ref: "#/definitions/op-write" },
        { $ref: "#/definitions/op-replace" },
        { $ref: "#/definitions/op-run" }
      ]
    },
    fromTo: {
      type: "object",
      additionalProperties: false,
      required: ["from", "to"],
      properties: { from: { $ref: "#/definitions/path" }, to: { $ref: "#/definitions/path" } }
    },
    "op-mkdir": {
      type: "object",
      required: ["mkdir"],
      additionalProperties: false,
      properties: {
        mkdir: { $ref: "#/definitions/path", description: "Directory to create (with parents)." },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-move": {
      type: "object",
      required: ["move"],
      additionalProperties: false,
      properties: {
        move: {
          $ref: "#/definitions/fromTo",
          description: "Move files or directories; from may be a glob."
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-rename": {
      type: "object",
      required: ["rename"],
      additionalProperties: false,
      properties: {
        rename: {
          $ref: "#/definitions/fromTo",
          description: "Give each match a new name in the same directory."
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-copy": {
      type: "object",
      required: ["copy"],
      additionalProperties: false,
      properties: {
        copy: {
          $ref: "#/definitions/fromTo",
          description: "Copy files or directories; from may be a glob."
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-delete": {
      type: "object",
      required: ["delete"],
      additionalProperties: false,
      properties: {
        delete: {
          $ref: "#/definitions/path",
          description: "Path or glob to delete (directories recursively)."
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-write": {
      type: "object",
      required: ["write"],
      additionalProperties: false,
      properties: {
        write: {
          type: "object",
          additionalProperties: false,
          required: ["path", "content"],
          properties: {
            path: { $ref: "#/definitions/path" },
            content: { type: "string", maxLength: 67108864 },
            mode: {
              type: "string",
              pattern: "^0?[0-7]{3}$",
              description: "File mode in octal, e.g. 644 or 755."
            }
          }
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-replace": {
      type: "object",
      required: ["replace"],
      additionalProperties: false,
      properties: {
        replace: {
          type: "object",
          additionalProperties: false,
          required: ["files", "find", "with"],
          properties: {
            files: { $ref: "#/definitions/path" },
            find: { type: "string", minLength: 1 },
            with: { type: "string" },
            regex: { type: "boolean", default: false },
            flags: {
              type: "string",
              pattern: "^[imsu]*$",
              description: "Extra regex flags (g is always on)."
            }
          }
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true
      },
      allOf: [{ $ref: "#/definitions/common" }]
    },
    "op-run": {
      type: "object",
      required: ["run"],
      additionalProperties: false,
      properties: {
        run: {
          type: "object",
          additionalProperties: false,
          properties: {
            files: { $ref: "#/definitions/path" },
            command: { type: "array", minItems: 1, items: { type: "string" } },
            shell: { type: "string", minLength: 1 },
            creates: { $ref: "#/definitions/path" },
            removes: { $ref: "#/definitions/path" },
            timeout: { $ref: "#/definitions/duration" },
            env: { type: "object", additionalProperties: { type: "string" } },
            batch: {
              type: "integer",
              minimum: 1,
              maximum: 1e5,
              description: "At most this many paths per invocation: an argv item that is exactly {paths} becomes one item per path; shell gets them NUL-separated in the file named by BULK_OPS_PATHS_FILE."
            }
          },
          oneOf: [{ required: ["command"] }, { required: ["shell"] }]
        },
        id: true,
        each: true,
        "on-conflict": true,
        "if-no-match": true,
        "max-attempts": true,
        "continue-on-error": true,
        "shard-by": true,
        parallel: { $ref: "#/definitions/parallel" }
      },
      allOf: [{ $ref: "#/definitions/common" }]
    }
  }
};

// src/plan/types.ts
var KINDS = ["mkdir", "move", "rename", "copy", "delete", "write", "replace", "run"];

// src/plan/validators.generated.js
var validators_generated_exports = {};
__export(validators_generated_exports, {
  op_copy: () => op_copy,
  op_delete: () => op_delete,
  op_mkdir: () => op_mkdir,
  op_move: () => op_move,
  op_rename: () => op_rename,
  op_replace: () => op_replace,
  op_run: () => op_run,
  op_write: () => op_write,
  plan: () => plan,
  plan_top: () => plan_top
});
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS2 = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var require_ucs2length = __commonJS2({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});
var plan = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/bulk-ops/bulk-ops/schema/plan.schema.json", "title": "bulk-ops plan", "description": "A declared, ordered list of file operations that bulk-ops runs and resumes.", "type": "object", "additionalProperties": false, "required": ["version", "operations"], "properties": { "version": { "const": 1, "description": "Plan format version; only 1 exists." }, "defaults": { "type": "object", "additionalProperties": false, "properties": { "on-conflict": { "$ref": "#/definitions/onConflict" }, "if-no-match": { "$ref": "#/definitions/ifNoMatch" }, "max-attempts": { "$ref": "#/definitions/maxAttempts" }, "continue-on-error": { "type": "boolean" }, "parallel": { "$ref": "#/definitions/parallel" }, "shard-by": { "$ref": "#/definitions/shardBy" } } }, "operations": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/operation" } } }, "definitions": { "onConflict": { "enum": ["fail", "skip", "overwrite"], "description": "What to do when the target exists and differs." }, "ifNoMatch": { "enum": ["error", "warn", "ignore"], "description": "What to do when a glob matches nothing." }, "maxAttempts": { "type": "integer", "minimum": 1, "maximum": 100 }, "parallel": { "description": "run operations: concrete operations in flight at once; auto is the machine's available parallelism.", "anyOf": [{ "type": "integer", "minimum": 1, "maximum": 1024 }, { "const": "auto" }] }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "shardBy": { "type": "string", "minLength": 1, "maxLength": 4096, "description": "With the shard input: the key a fan-out's match is assigned to a shard by, a template over the match (default {stem}, so a file keeps its shard through moves and extension renames)." }, "duration": { "type": "string", "pattern": "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", "description": "A duration such as 90s, 2m, 1h30m or 500ms." }, "common": { "description": "Keys every operation may carry.", "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "each": { "$ref": "#/definitions/path", "description": "Glob to fan the operation out over; {path} etc. refer to each match." }, "on-conflict": { "$ref": "#/definitions/onConflict" }, "if-no-match": { "$ref": "#/definitions/ifNoMatch" }, "max-attempts": { "$ref": "#/definitions/maxAttempts" }, "continue-on-error": { "type": "boolean" }, "shard-by": { "$ref": "#/definitions/shardBy" } } }, "operation": { "type": "object", "minProperties": 1, "oneOf": [{ "$ref": "#/definitions/op-mkdir" }, { "$ref": "#/definitions/op-move" }, { "$ref": "#/definitions/op-rename" }, { "$ref": "#/definitions/op-copy" }, { "$ref": "#/definitions/op-delete" }, { "$ref": "#/definitions/op-write" }, { "$ref": "#/definitions/op-replace" }, { "$ref": "#/definitions/op-run" }] }, "fromTo": { "type": "object", "additionalProperties": false, "required": ["from", "to"], "properties": { "from": { "$ref": "#/definitions/path" }, "to": { "$ref": "#/definitions/path" } } }, "op-mkdir": { "type": "object", "required": ["mkdir"], "additionalProperties": false, "properties": { "mkdir": { "$ref": "#/definitions/path", "description": "Directory to create (with parents)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-move": { "type": "object", "required": ["move"], "additionalProperties": false, "properties": { "move": { "$ref": "#/definitions/fromTo", "description": "Move files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-rename": { "type": "object", "required": ["rename"], "additionalProperties": false, "properties": { "rename": { "$ref": "#/definitions/fromTo", "description": "Give each match a new name in the same directory." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-copy": { "type": "object", "required": ["copy"], "additionalProperties": false, "properties": { "copy": { "$ref": "#/definitions/fromTo", "description": "Copy files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-delete": { "type": "object", "required": ["delete"], "additionalProperties": false, "properties": { "delete": { "$ref": "#/definitions/path", "description": "Path or glob to delete (directories recursively)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-write": { "type": "object", "required": ["write"], "additionalProperties": false, "properties": { "write": { "type": "object", "additionalProperties": false, "required": ["path", "content"], "properties": { "path": { "$ref": "#/definitions/path" }, "content": { "type": "string", "maxLength": 67108864 }, "mode": { "type": "string", "pattern": "^0?[0-7]{3}$", "description": "File mode in octal, e.g. 644 or 755." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-replace": { "type": "object", "required": ["replace"], "additionalProperties": false, "properties": { "replace": { "type": "object", "additionalProperties": false, "required": ["files", "find", "with"], "properties": { "files": { "$ref": "#/definitions/path" }, "find": { "type": "string", "minLength": 1 }, "with": { "type": "string" }, "regex": { "type": "boolean", "default": false }, "flags": { "type": "string", "pattern": "^[imsu]*$", "description": "Extra regex flags (g is always on)." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-run": { "type": "object", "required": ["run"], "additionalProperties": false, "properties": { "run": { "type": "object", "additionalProperties": false, "properties": { "files": { "$ref": "#/definitions/path" }, "command": { "type": "array", "minItems": 1, "items": { "type": "string" } }, "shell": { "type": "string", "minLength": 1 }, "creates": { "$ref": "#/definitions/path" }, "removes": { "$ref": "#/definitions/path" }, "timeout": { "$ref": "#/definitions/duration" }, "env": { "type": "object", "additionalProperties": { "type": "string" } }, "batch": { "type": "integer", "minimum": 1, "maximum": 1e5, "description": "At most this many paths per invocation: an argv item that is exactly {paths} becomes one item per path; shell gets them NUL-separated in the file named by BULK_OPS_PATHS_FILE." } }, "oneOf": [{ "required": ["command"] }, { "required": ["shell"] }] }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true, "parallel": { "$ref": "#/definitions/parallel" } }, "allOf": [{ "$ref": "#/definitions/common" }] } } };
var schema12 = { "enum": ["fail", "skip", "overwrite"], "description": "What to do when the target exists and differs." };
var schema13 = { "enum": ["error", "warn", "ignore"], "description": "What to do when a glob matches nothing." };
var schema14 = { "type": "integer", "minimum": 1, "maximum": 100 };
var schema15 = { "description": "run operations: concrete operations in flight at once; auto is the machine's available parallelism.", "anyOf": [{ "type": "integer", "minimum": 1, "maximum": 1024 }, { "const": "auto" }] };
var schema16 = { "type": "string", "minLength": 1, "maxLength": 4096, "description": "With the shard input: the key a fan-out's match is assigned to a shard by, a template over the match (default {stem}, so a file keeps its shard through moves and extension renames)." };
var func2 = require_ucs2length().default;
var schema17 = { "type": "object", "minProperties": 1, "oneOf": [{ "$ref": "#/definitions/op-mkdir" }, { "$ref": "#/definitions/op-move" }, { "$ref": "#/definitions/op-rename" }, { "$ref": "#/definitions/op-copy" }, { "$ref": "#/definitions/op-delete" }, { "$ref": "#/definitions/op-write" }, { "$ref": "#/definitions/op-replace" }, { "$ref": "#/definitions/op-run" }] };
var schema18 = { "type": "object", "required": ["mkdir"], "additionalProperties": false, "properties": { "mkdir": { "$ref": "#/definitions/path", "description": "Directory to create (with parents)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
var schema20 = { "type": "string", "minLength": 1, "maxLength": 4096 };
var schema19 = { "description": "Keys every operation may carry.", "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "each": { "$ref": "#/definitions/path", "description": "Glob to fan the operation out over; {path} etc. refer to each match." }, "on-conflict": { "$ref": "#/definitions/onConflict" }, "if-no-match": { "$ref": "#/definitions/ifNoMatch" }, "max-attempts": { "$ref": "#/definitions/maxAttempts" }, "continue-on-error": { "type": "boolean" }, "shard-by": { "$ref": "#/definitions/shardBy" } } };
var pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err0 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema19.properties.id, data: data0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      } else {
        const err1 = { instancePath: instancePath + "/id", schemaPath: "#/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.id.type, parentSchema: schema19.properties.id, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.each !== void 0) {
      let data1 = data.each;
      if (typeof data1 === "string") {
        if (func2(data1) > 4096) {
          const err2 = { instancePath: instancePath + "/each", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err3 = { instancePath: instancePath + "/each", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/each", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data["on-conflict"] !== void 0) {
      let data2 = data["on-conflict"];
      if (!(data2 === "fail" || data2 === "skip" || data2 === "overwrite")) {
        const err5 = { instancePath: instancePath + "/on-conflict", schemaPath: "#/definitions/onConflict/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values", schema: schema12.enum, parentSchema: schema12, data: data2 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data["if-no-match"] !== void 0) {
      let data3 = data["if-no-match"];
      if (!(data3 === "error" || data3 === "warn" || data3 === "ignore")) {
        const err6 = { instancePath: instancePath + "/if-no-match", schemaPath: "#/definitions/ifNoMatch/enum", keyword: "enum", params: { allowedValues: schema13.enum }, message: "must be equal to one of the allowed values", schema: schema13.enum, parentSchema: schema13, data: data3 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data["max-attempts"] !== void 0) {
      let data4 = data["max-attempts"];
      if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)))) {
        const err7 = { instancePath: instancePath + "/max-attempts", schemaPath: "#/definitions/maxAttempts/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.type, parentSchema: schema14, data: data4 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
      if (typeof data4 == "number") {
        if (data4 > 100 || isNaN(data4)) {
          const err8 = { instancePath: instancePath + "/max-attempts", schemaPath: "#/definitions/maxAttempts/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema14, data: data4 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (data4 < 1 || isNaN(data4)) {
          const err9 = { instancePath: instancePath + "/max-attempts", schemaPath: "#/definitions/maxAttempts/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema14, data: data4 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    }
    if (data["continue-on-error"] !== void 0) {
      let data5 = data["continue-on-error"];
      if (typeof data5 !== "boolean") {
        const err10 = { instancePath: instancePath + "/continue-on-error", schemaPath: "#/properties/continue-on-error/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema19.properties["continue-on-error"].type, parentSchema: schema19.properties["continue-on-error"], data: data5 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data["shard-by"] !== void 0) {
      let data6 = data["shard-by"];
      if (typeof data6 === "string") {
        if (func2(data6) > 4096) {
          const err11 = { instancePath: instancePath + "/shard-by", schemaPath: "#/definitions/shardBy/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema16, data: data6 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
        if (func2(data6) < 1) {
          const err12 = { instancePath: instancePath + "/shard-by", schemaPath: "#/definitions/shardBy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16, data: data6 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/shard-by", schemaPath: "#/definitions/shardBy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: data6 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.mkdir === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mkdir" }, message: "must have required property 'mkdir'", schema: schema18.required, parentSchema: schema18, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "mkdir" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.mkdir !== void 0) {
      let data0 = data.mkdir;
      if (typeof data0 === "string") {
        if (func2(data0) > 4096) {
          const err2 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
var schema26 = { "type": "object", "required": ["move"], "additionalProperties": false, "properties": { "move": { "$ref": "#/definitions/fromTo", "description": "Move files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
var schema27 = { "type": "object", "additionalProperties": false, "required": ["from", "to"], "properties": { "from": { "$ref": "#/definitions/path" }, "to": { "$ref": "#/definitions/path" } } };
function validate18(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.from === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema27.required, parentSchema: schema27, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.to === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "to" }, message: "must have required property 'to'", schema: schema27.required, parentSchema: schema27, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "from" || key0 === "to")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema27, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.from !== void 0) {
      let data0 = data.from;
      if (typeof data0 === "string") {
        if (func2(data0) > 4096) {
          const err3 = { instancePath: instancePath + "/from", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err4 = { instancePath: instancePath + "/from", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/from", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.to !== void 0) {
      let data1 = data.to;
      if (typeof data1 === "string") {
        if (func2(data1) > 4096) {
          const err6 = { instancePath: instancePath + "/to", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err7 = { instancePath: instancePath + "/to", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/to", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
  } else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema27.type, parentSchema: schema27, data };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
  }
  validate18.errors = vErrors;
  return errors === 0;
}
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.move === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "move" }, message: "must have required property 'move'", schema: schema26.required, parentSchema: schema26, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "move" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema26, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.move !== void 0) {
      if (!validate18(data.move, { instancePath: instancePath + "/move", parentData: data, parentDataProperty: "move", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema26.type, parentSchema: schema26, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}
var schema30 = { "type": "object", "required": ["rename"], "additionalProperties": false, "properties": { "rename": { "$ref": "#/definitions/fromTo", "description": "Give each match a new name in the same directory." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.rename === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rename" }, message: "must have required property 'rename'", schema: schema30.required, parentSchema: schema30, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "rename" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema30, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rename !== void 0) {
      if (!validate18(data.rename, { instancePath: instancePath + "/rename", parentData: data, parentDataProperty: "rename", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema30.type, parentSchema: schema30, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
var schema31 = { "type": "object", "required": ["copy"], "additionalProperties": false, "properties": { "copy": { "$ref": "#/definitions/fromTo", "description": "Copy files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.copy === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "copy" }, message: "must have required property 'copy'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "copy" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.copy !== void 0) {
      if (!validate18(data.copy, { instancePath: instancePath + "/copy", parentData: data, parentDataProperty: "copy", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
var schema32 = { "type": "object", "required": ["delete"], "additionalProperties": false, "properties": { "delete": { "$ref": "#/definitions/path", "description": "Path or glob to delete (directories recursively)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.delete === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "delete" }, message: "must have required property 'delete'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "delete" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema32, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.delete !== void 0) {
      let data0 = data.delete;
      if (typeof data0 === "string") {
        if (func2(data0) > 4096) {
          const err2 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
var schema34 = { "type": "object", "required": ["write"], "additionalProperties": false, "properties": { "write": { "type": "object", "additionalProperties": false, "required": ["path", "content"], "properties": { "path": { "$ref": "#/definitions/path" }, "content": { "type": "string", "maxLength": 67108864 }, "mode": { "type": "string", "pattern": "^0?[0-7]{3}$", "description": "File mode in octal, e.g. 644 or 755." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
var pattern1 = new RegExp("^0?[0-7]{3}$", "u");
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.write === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "write" }, message: "must have required property 'write'", schema: schema34.required, parentSchema: schema34, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "write" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.write !== void 0) {
      let data0 = data.write;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.path === void 0) {
          const err2 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema34.properties.write.required, parentSchema: schema34.properties.write, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.content === void 0) {
          const err3 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/required", keyword: "required", params: { missingProperty: "content" }, message: "must have required property 'content'", schema: schema34.properties.write.required, parentSchema: schema34.properties.write, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === "path" || key1 === "content" || key1 === "mode")) {
            const err4 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34.properties.write, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.path !== void 0) {
          let data1 = data0.path;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err5 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err6 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.content !== void 0) {
          let data2 = data0.content;
          if (typeof data2 === "string") {
            if (func2(data2) > 67108864) {
              const err8 = { instancePath: instancePath + "/write/content", schemaPath: "#/properties/write/properties/content/maxLength", keyword: "maxLength", params: { limit: 67108864 }, message: "must NOT have more than 67108864 characters", schema: 67108864, parentSchema: schema34.properties.write.properties.content, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/write/content", schemaPath: "#/properties/write/properties/content/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.write.properties.content.type, parentSchema: schema34.properties.write.properties.content, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.mode !== void 0) {
          let data3 = data0.mode;
          if (typeof data3 === "string") {
            if (!pattern1.test(data3)) {
              const err10 = { instancePath: instancePath + "/write/mode", schemaPath: "#/properties/write/properties/mode/pattern", keyword: "pattern", params: { pattern: "^0?[0-7]{3}$" }, message: 'must match pattern "^0?[0-7]{3}$"', schema: "^0?[0-7]{3}$", parentSchema: schema34.properties.write.properties.mode, data: data3 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/write/mode", schemaPath: "#/properties/write/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.write.properties.mode.type, parentSchema: schema34.properties.write.properties.mode, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.write.type, parentSchema: schema34.properties.write, data: data0 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate32.errors = vErrors;
  return errors === 0;
}
var schema36 = { "type": "object", "required": ["replace"], "additionalProperties": false, "properties": { "replace": { "type": "object", "additionalProperties": false, "required": ["files", "find", "with"], "properties": { "files": { "$ref": "#/definitions/path" }, "find": { "type": "string", "minLength": 1 }, "with": { "type": "string" }, "regex": { "type": "boolean", "default": false }, "flags": { "type": "string", "pattern": "^[imsu]*$", "description": "Extra regex flags (g is always on)." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] };
var pattern2 = new RegExp("^[imsu]*$", "u");
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.replace === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "replace" }, message: "must have required property 'replace'", schema: schema36.required, parentSchema: schema36, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "replace" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.replace !== void 0) {
      let data0 = data.replace;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.files === void 0) {
          const err2 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.find === void 0) {
          const err3 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "find" }, message: "must have required property 'find'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0.with === void 0) {
          const err4 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "with" }, message: "must have required property 'with'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === "files" || key1 === "find" || key1 === "with" || key1 === "regex" || key1 === "flags")) {
            const err5 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36.properties.replace, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.files !== void 0) {
          let data1 = data0.files;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err6 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err7 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.find !== void 0) {
          let data2 = data0.find;
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err9 = { instancePath: instancePath + "/replace/find", schemaPath: "#/properties/replace/properties/find/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema36.properties.replace.properties.find, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/replace/find", schemaPath: "#/properties/replace/properties/find/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.find.type, parentSchema: schema36.properties.replace.properties.find, data: data2 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.with !== void 0) {
          let data3 = data0.with;
          if (typeof data3 !== "string") {
            const err11 = { instancePath: instancePath + "/replace/with", schemaPath: "#/properties/replace/properties/with/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.with.type, parentSchema: schema36.properties.replace.properties.with, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.regex !== void 0) {
          let data4 = data0.regex;
          if (typeof data4 !== "boolean") {
            const err12 = { instancePath: instancePath + "/replace/regex", schemaPath: "#/properties/replace/properties/regex/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema36.properties.replace.properties.regex.type, parentSchema: schema36.properties.replace.properties.regex, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data0.flags !== void 0) {
          let data5 = data0.flags;
          if (typeof data5 === "string") {
            if (!pattern2.test(data5)) {
              const err13 = { instancePath: instancePath + "/replace/flags", schemaPath: "#/properties/replace/properties/flags/pattern", keyword: "pattern", params: { pattern: "^[imsu]*$" }, message: 'must match pattern "^[imsu]*$"', schema: "^[imsu]*$", parentSchema: schema36.properties.replace.properties.flags, data: data5 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/replace/flags", schemaPath: "#/properties/replace/properties/flags/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.flags.type, parentSchema: schema36.properties.replace.properties.flags, data: data5 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.properties.replace.type, parentSchema: schema36.properties.replace, data: data0 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.type, parentSchema: schema36, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate35.errors = vErrors;
  return errors === 0;
}
var schema38 = { "type": "object", "required": ["run"], "additionalProperties": false, "properties": { "run": { "type": "object", "additionalProperties": false, "properties": { "files": { "$ref": "#/definitions/path" }, "command": { "type": "array", "minItems": 1, "items": { "type": "string" } }, "shell": { "type": "string", "minLength": 1 }, "creates": { "$ref": "#/definitions/path" }, "removes": { "$ref": "#/definitions/path" }, "timeout": { "$ref": "#/definitions/duration" }, "env": { "type": "object", "additionalProperties": { "type": "string" } }, "batch": { "type": "integer", "minimum": 1, "maximum": 1e5, "description": "At most this many paths per invocation: an argv item that is exactly {paths} becomes one item per path; shell gets them NUL-separated in the file named by BULK_OPS_PATHS_FILE." } }, "oneOf": [{ "required": ["command"] }, { "required": ["shell"] }] }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true, "parallel": { "$ref": "#/definitions/parallel" } }, "allOf": [{ "$ref": "#/definitions/common" }] };
var schema42 = { "type": "string", "pattern": "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", "description": "A duration such as 90s, 2m, 1h30m or 500ms." };
var func22 = Object.prototype.hasOwnProperty;
var pattern3 = new RegExp("^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", "u");
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.run === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func22.call(schema38.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data0 = data.run;
      const _errs5 = errors;
      let valid2 = false;
      let passing0 = null;
      const _errs6 = errors;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.command === void 0) {
          const err2 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/0/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema38.properties.run.oneOf[0].required, parentSchema: schema38.properties.run.oneOf[0], data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var _valid0 = _errs6 === errors;
      if (_valid0) {
        valid2 = true;
        passing0 = 0;
      }
      const _errs7 = errors;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.shell === void 0) {
          const err3 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/required", keyword: "required", params: { missingProperty: "shell" }, message: "must have required property 'shell'", schema: schema38.properties.run.oneOf[1].required, parentSchema: schema38.properties.run.oneOf[1], data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var _valid0 = _errs7 === errors;
      if (_valid0 && valid2) {
        valid2 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid2 = true;
          passing0 = 1;
        }
      }
      if (!valid2) {
        const err4 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema38.properties.run.oneOf, parentSchema: schema38.properties.run, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          if (!(key1 === "files" || key1 === "command" || key1 === "shell" || key1 === "creates" || key1 === "removes" || key1 === "timeout" || key1 === "env" || key1 === "batch")) {
            const err5 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38.properties.run, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.files !== void 0) {
          let data1 = data0.files;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err6 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err7 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.command !== void 0) {
          let data2 = data0.command;
          if (Array.isArray(data2)) {
            if (data2.length < 1) {
              const err9 = { instancePath: instancePath + "/run/command", schemaPath: "#/properties/run/properties/command/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema38.properties.run.properties.command, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            const len0 = data2.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data3 = data2[i0];
              if (typeof data3 !== "string") {
                const err10 = { instancePath: instancePath + "/run/command/" + i0, schemaPath: "#/properties/run/properties/command/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.command.items.type, parentSchema: schema38.properties.run.properties.command.items, data: data3 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
          } else {
            const err11 = { instancePath: instancePath + "/run/command", schemaPath: "#/properties/run/properties/command/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema38.properties.run.properties.command.type, parentSchema: schema38.properties.run.properties.command, data: data2 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.shell !== void 0) {
          let data4 = data0.shell;
          if (typeof data4 === "string") {
            if (func2(data4) < 1) {
              const err12 = { instancePath: instancePath + "/run/shell", schemaPath: "#/properties/run/properties/shell/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.run.properties.shell, data: data4 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/run/shell", schemaPath: "#/properties/run/properties/shell/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.shell.type, parentSchema: schema38.properties.run.properties.shell, data: data4 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data0.creates !== void 0) {
          let data5 = data0.creates;
          if (typeof data5 === "string") {
            if (func2(data5) > 4096) {
              const err14 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data5 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err15 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data5 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data5 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data0.removes !== void 0) {
          let data6 = data0.removes;
          if (typeof data6 === "string") {
            if (func2(data6) > 4096) {
              const err17 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (func2(data6) < 1) {
              const err18 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data6 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data6 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data0.timeout !== void 0) {
          let data7 = data0.timeout;
          if (typeof data7 === "string") {
            if (!pattern3.test(data7)) {
              const err20 = { instancePath: instancePath + "/run/timeout", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$" }, message: 'must match pattern "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$"', schema: "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", parentSchema: schema42, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/run/timeout", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data7 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data0.env !== void 0) {
          let data8 = data0.env;
          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
            for (const key2 in data8) {
              let data9 = data8[key2];
              if (typeof data9 !== "string") {
                const err22 = { instancePath: instancePath + "/run/env/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/run/properties/env/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.env.additionalProperties.type, parentSchema: schema38.properties.run.properties.env.additionalProperties, data: data9 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
          } else {
            const err23 = { instancePath: instancePath + "/run/env", schemaPath: "#/properties/run/properties/env/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.properties.run.properties.env.type, parentSchema: schema38.properties.run.properties.env, data: data8 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data0.batch !== void 0) {
          let data10 = data0.batch;
          if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)))) {
            const err24 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.properties.run.properties.batch.type, parentSchema: schema38.properties.run.properties.batch, data: data10 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
          if (typeof data10 == "number") {
            if (data10 > 1e5 || isNaN(data10)) {
              const err25 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000", schema: 1e5, parentSchema: schema38.properties.run.properties.batch, data: data10 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (data10 < 1 || isNaN(data10)) {
              const err26 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema38.properties.run.properties.batch, data: data10 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        }
      } else {
        const err27 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.properties.run.type, parentSchema: schema38.properties.run, data: data0 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.parallel !== void 0) {
      let data11 = data.parallel;
      const _errs36 = errors;
      let valid12 = false;
      const _errs37 = errors;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)))) {
        const err28 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.anyOf[0].type, parentSchema: schema15.anyOf[0], data: data11 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      if (typeof data11 == "number") {
        if (data11 > 1024 || isNaN(data11)) {
          const err29 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1024 }, message: "must be <= 1024", schema: 1024, parentSchema: schema15.anyOf[0], data: data11 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
        if (data11 < 1 || isNaN(data11)) {
          const err30 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.anyOf[0], data: data11 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      }
      var _valid1 = _errs37 === errors;
      valid12 = valid12 || _valid1;
      if (!valid12) {
        const _errs39 = errors;
        if ("auto" !== data11) {
          const err31 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/1/const", keyword: "const", params: { allowedValue: "auto" }, message: "must be equal to constant", schema: "auto", parentSchema: schema15.anyOf[1], data: data11 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        var _valid1 = _errs39 === errors;
        valid12 = valid12 || _valid1;
      }
      if (!valid12) {
        const err32 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema15.anyOf, parentSchema: schema15, data: data11 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      } else {
        errors = _errs36;
        if (vErrors !== null) {
          if (_errs36) {
            vErrors.length = _errs36;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err33 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.type, parentSchema: schema38, data };
    if (vErrors === null) {
      vErrors = [err33];
    } else {
      vErrors.push(err33);
    }
    errors++;
  }
  validate38.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs2 = errors;
  if (!validate12(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs2 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (!validate16(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
    const _errs4 = errors;
    if (!validate21(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs4 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
      }
      const _errs5 = errors;
      if (!validate25(data, { instancePath, parentData, parentDataProperty, rootData })) {
        vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
        errors = vErrors.length;
      }
      var _valid0 = _errs5 === errors;
      if (_valid0 && valid0) {
        valid0 = false;
        passing0 = [passing0, 3];
      } else {
        if (_valid0) {
          valid0 = true;
          passing0 = 3;
        }
        const _errs6 = errors;
        if (!validate29(data, { instancePath, parentData, parentDataProperty, rootData })) {
          vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
          errors = vErrors.length;
        }
        var _valid0 = _errs6 === errors;
        if (_valid0 && valid0) {
          valid0 = false;
          passing0 = [passing0, 4];
        } else {
          if (_valid0) {
            valid0 = true;
            passing0 = 4;
          }
          const _errs7 = errors;
          if (!validate32(data, { instancePath, parentData, parentDataProperty, rootData })) {
            vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
            errors = vErrors.length;
          }
          var _valid0 = _errs7 === errors;
          if (_valid0 && valid0) {
            valid0 = false;
            passing0 = [passing0, 5];
          } else {
            if (_valid0) {
              valid0 = true;
              passing0 = 5;
            }
            const _errs8 = errors;
            if (!validate35(data, { instancePath, parentData, parentDataProperty, rootData })) {
              vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
              errors = vErrors.length;
            }
            var _valid0 = _errs8 === errors;
            if (_valid0 && valid0) {
              valid0 = false;
              passing0 = [passing0, 6];
            } else {
              if (_valid0) {
                valid0 = true;
                passing0 = 6;
              }
              const _errs9 = errors;
              if (!validate38(data, { instancePath, parentData, parentDataProperty, rootData })) {
                vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
                errors = vErrors.length;
              }
              var _valid0 = _errs9 === errors;
              if (_valid0 && valid0) {
                valid0 = false;
                passing0 = [passing0, 7];
              } else {
                if (_valid0) {
                  valid0 = true;
                  passing0 = 7;
                }
              }
            }
          }
        }
      }
    }
  }
  if (!valid0) {
    const err0 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema17.oneOf, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  } else {
    errors = _errs1;
    if (vErrors !== null) {
      if (_errs1) {
        vErrors.length = _errs1;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err1 = { instancePath, schemaPath: "#/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.operations === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operations" }, message: "must have required property 'operations'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "defaults" || key0 === "operations")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema11.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.defaults !== void 0) {
      let data1 = data.defaults;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "on-conflict" || key1 === "if-no-match" || key1 === "max-attempts" || key1 === "continue-on-error" || key1 === "parallel" || key1 === "shard-by")) {
            const err4 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.defaults, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1["on-conflict"] !== void 0) {
          let data2 = data1["on-conflict"];
          if (!(data2 === "fail" || data2 === "skip" || data2 === "overwrite")) {
            const err5 = { instancePath: instancePath + "/defaults/on-conflict", schemaPath: "#/definitions/onConflict/enum", keyword: "enum", params: { allowedValues: schema12.enum }, message: "must be equal to one of the allowed values", schema: schema12.enum, parentSchema: schema12, data: data2 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data1["if-no-match"] !== void 0) {
          let data3 = data1["if-no-match"];
          if (!(data3 === "error" || data3 === "warn" || data3 === "ignore")) {
            const err6 = { instancePath: instancePath + "/defaults/if-no-match", schemaPath: "#/definitions/ifNoMatch/enum", keyword: "enum", params: { allowedValues: schema13.enum }, message: "must be equal to one of the allowed values", schema: schema13.enum, parentSchema: schema13, data: data3 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1["max-attempts"] !== void 0) {
          let data4 = data1["max-attempts"];
          if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)))) {
            const err7 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema14.type, parentSchema: schema14, data: data4 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (typeof data4 == "number") {
            if (data4 > 100 || isNaN(data4)) {
              const err8 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema14, data: data4 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (data4 < 1 || isNaN(data4)) {
              const err9 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema14, data: data4 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          }
        }
        if (data1["continue-on-error"] !== void 0) {
          let data5 = data1["continue-on-error"];
          if (typeof data5 !== "boolean") {
            const err10 = { instancePath: instancePath + "/defaults/continue-on-error", schemaPath: "#/properties/defaults/properties/continue-on-error/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.properties.defaults.properties["continue-on-error"].type, parentSchema: schema11.properties.defaults.properties["continue-on-error"], data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.parallel !== void 0) {
          let data6 = data1.parallel;
          const _errs17 = errors;
          let valid6 = false;
          const _errs18 = errors;
          if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)))) {
            const err11 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.anyOf[0].type, parentSchema: schema15.anyOf[0], data: data6 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
          if (typeof data6 == "number") {
            if (data6 > 1024 || isNaN(data6)) {
              const err12 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1024 }, message: "must be <= 1024", schema: 1024, parentSchema: schema15.anyOf[0], data: data6 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data6 < 1 || isNaN(data6)) {
              const err13 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.anyOf[0], data: data6 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
          var _valid0 = _errs18 === errors;
          valid6 = valid6 || _valid0;
          if (!valid6) {
            const _errs20 = errors;
            if ("auto" !== data6) {
              const err14 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/1/const", keyword: "const", params: { allowedValue: "auto" }, message: "must be equal to constant", schema: "auto", parentSchema: schema15.anyOf[1], data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            var _valid0 = _errs20 === errors;
            valid6 = valid6 || _valid0;
          }
          if (!valid6) {
            const err15 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema15.anyOf, parentSchema: schema15, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          } else {
            errors = _errs17;
            if (vErrors !== null) {
              if (_errs17) {
                vErrors.length = _errs17;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data1["shard-by"] !== void 0) {
          let data7 = data1["shard-by"];
          if (typeof data7 === "string") {
            if (func2(data7) > 4096) {
              const err16 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema16, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (func2(data7) < 1) {
              const err17 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16, data: data7 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.type, parentSchema: schema16, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.defaults.type, parentSchema: schema11.properties.defaults, data: data1 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.operations !== void 0) {
      let data8 = data.operations;
      if (Array.isArray(data8)) {
        if (data8.length < 1) {
          const err20 = { instancePath: instancePath + "/operations", schemaPath: "#/properties/operations/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.operations, data: data8 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        const len0 = data8.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data8[i0], { instancePath: instancePath + "/operations/" + i0, parentData: data8, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err21 = { instancePath: instancePath + "/operations", schemaPath: "#/properties/operations/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.operations.type, parentSchema: schema11.properties.operations, data: data8 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var plan_top = validate42;
var schema44 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/bulk-ops/bulk-ops/schema/plan.schema.top.json", "title": "bulk-ops plan", "description": "A declared, ordered list of file operations that bulk-ops runs and resumes.", "type": "object", "additionalProperties": false, "required": ["version", "operations"], "properties": { "version": { "const": 1, "description": "Plan format version; only 1 exists." }, "defaults": { "type": "object", "additionalProperties": false, "properties": { "on-conflict": { "$ref": "#/definitions/onConflict" }, "if-no-match": { "$ref": "#/definitions/ifNoMatch" }, "max-attempts": { "$ref": "#/definitions/maxAttempts" }, "continue-on-error": { "type": "boolean" }, "parallel": { "$ref": "#/definitions/parallel" }, "shard-by": { "$ref": "#/definitions/shardBy" } } }, "operations": { "type": "array", "minItems": 1 } }, "definitions": { "onConflict": { "enum": ["fail", "skip", "overwrite"], "description": "What to do when the target exists and differs." }, "ifNoMatch": { "enum": ["error", "warn", "ignore"], "description": "What to do when a glob matches nothing." }, "maxAttempts": { "type": "integer", "minimum": 1, "maximum": 100 }, "parallel": { "description": "run operations: concrete operations in flight at once; auto is the machine's available parallelism.", "anyOf": [{ "type": "integer", "minimum": 1, "maximum": 1024 }, { "const": "auto" }] }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "shardBy": { "type": "string", "minLength": 1, "maxLength": 4096, "description": "With the shard input: the key a fan-out's match is assigned to a shard by, a template over the match (default {stem}, so a file keeps its shard through moves and extension renames)." }, "duration": { "type": "string", "pattern": "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", "description": "A duration such as 90s, 2m, 1h30m or 500ms." }, "common": { "description": "Keys every operation may carry.", "type": "object", "properties": { "id": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "each": { "$ref": "#/definitions/path", "description": "Glob to fan the operation out over; {path} etc. refer to each match." }, "on-conflict": { "$ref": "#/definitions/onConflict" }, "if-no-match": { "$ref": "#/definitions/ifNoMatch" }, "max-attempts": { "$ref": "#/definitions/maxAttempts" }, "continue-on-error": { "type": "boolean" }, "shard-by": { "$ref": "#/definitions/shardBy" } } }, "operation": { "type": "object", "minProperties": 1, "oneOf": [{ "$ref": "#/definitions/op-mkdir" }, { "$ref": "#/definitions/op-move" }, { "$ref": "#/definitions/op-rename" }, { "$ref": "#/definitions/op-copy" }, { "$ref": "#/definitions/op-delete" }, { "$ref": "#/definitions/op-write" }, { "$ref": "#/definitions/op-replace" }, { "$ref": "#/definitions/op-run" }] }, "fromTo": { "type": "object", "additionalProperties": false, "required": ["from", "to"], "properties": { "from": { "$ref": "#/definitions/path" }, "to": { "$ref": "#/definitions/path" } } }, "op-mkdir": { "type": "object", "required": ["mkdir"], "additionalProperties": false, "properties": { "mkdir": { "$ref": "#/definitions/path", "description": "Directory to create (with parents)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-move": { "type": "object", "required": ["move"], "additionalProperties": false, "properties": { "move": { "$ref": "#/definitions/fromTo", "description": "Move files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-rename": { "type": "object", "required": ["rename"], "additionalProperties": false, "properties": { "rename": { "$ref": "#/definitions/fromTo", "description": "Give each match a new name in the same directory." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-copy": { "type": "object", "required": ["copy"], "additionalProperties": false, "properties": { "copy": { "$ref": "#/definitions/fromTo", "description": "Copy files or directories; from may be a glob." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-delete": { "type": "object", "required": ["delete"], "additionalProperties": false, "properties": { "delete": { "$ref": "#/definitions/path", "description": "Path or glob to delete (directories recursively)." }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-write": { "type": "object", "required": ["write"], "additionalProperties": false, "properties": { "write": { "type": "object", "additionalProperties": false, "required": ["path", "content"], "properties": { "path": { "$ref": "#/definitions/path" }, "content": { "type": "string", "maxLength": 67108864 }, "mode": { "type": "string", "pattern": "^0?[0-7]{3}$", "description": "File mode in octal, e.g. 644 or 755." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-replace": { "type": "object", "required": ["replace"], "additionalProperties": false, "properties": { "replace": { "type": "object", "additionalProperties": false, "required": ["files", "find", "with"], "properties": { "files": { "$ref": "#/definitions/path" }, "find": { "type": "string", "minLength": 1 }, "with": { "type": "string" }, "regex": { "type": "boolean", "default": false }, "flags": { "type": "string", "pattern": "^[imsu]*$", "description": "Extra regex flags (g is always on)." } } }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true }, "allOf": [{ "$ref": "#/definitions/common" }] }, "op-run": { "type": "object", "required": ["run"], "additionalProperties": false, "properties": { "run": { "type": "object", "additionalProperties": false, "properties": { "files": { "$ref": "#/definitions/path" }, "command": { "type": "array", "minItems": 1, "items": { "type": "string" } }, "shell": { "type": "string", "minLength": 1 }, "creates": { "$ref": "#/definitions/path" }, "removes": { "$ref": "#/definitions/path" }, "timeout": { "$ref": "#/definitions/duration" }, "env": { "type": "object", "additionalProperties": { "type": "string" } }, "batch": { "type": "integer", "minimum": 1, "maximum": 1e5, "description": "At most this many paths per invocation: an argv item that is exactly {paths} becomes one item per path; shell gets them NUL-separated in the file named by BULK_OPS_PATHS_FILE." } }, "oneOf": [{ "required": ["command"] }, { "required": ["shell"] }] }, "id": true, "each": true, "on-conflict": true, "if-no-match": true, "max-attempts": true, "continue-on-error": true, "shard-by": true, "parallel": { "$ref": "#/definitions/parallel" } }, "allOf": [{ "$ref": "#/definitions/common" }] } } };
var schema45 = { "enum": ["fail", "skip", "overwrite"], "description": "What to do when the target exists and differs." };
var schema46 = { "enum": ["error", "warn", "ignore"], "description": "What to do when a glob matches nothing." };
var schema47 = { "type": "integer", "minimum": 1, "maximum": 100 };
var schema48 = { "description": "run operations: concrete operations in flight at once; auto is the machine's available parallelism.", "anyOf": [{ "type": "integer", "minimum": 1, "maximum": 1024 }, { "const": "auto" }] };
var schema49 = { "type": "string", "minLength": 1, "maxLength": 4096, "description": "With the shard input: the key a fan-out's match is assigned to a shard by, a template over the match (default {stem}, so a file keeps its shard through moves and extension renames)." };
function validate42(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema44.required, parentSchema: schema44, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.operations === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "operations" }, message: "must have required property 'operations'", schema: schema44.required, parentSchema: schema44, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "defaults" || key0 === "operations")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema44, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if (1 !== data0) {
        const err3 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema44.properties.version, data: data0 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.defaults !== void 0) {
      let data1 = data.defaults;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          if (!(key1 === "on-conflict" || key1 === "if-no-match" || key1 === "max-attempts" || key1 === "continue-on-error" || key1 === "parallel" || key1 === "shard-by")) {
            const err4 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema44.properties.defaults, data: data1 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1["on-conflict"] !== void 0) {
          let data2 = data1["on-conflict"];
          if (!(data2 === "fail" || data2 === "skip" || data2 === "overwrite")) {
            const err5 = { instancePath: instancePath + "/defaults/on-conflict", schemaPath: "#/definitions/onConflict/enum", keyword: "enum", params: { allowedValues: schema45.enum }, message: "must be equal to one of the allowed values", schema: schema45.enum, parentSchema: schema45, data: data2 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data1["if-no-match"] !== void 0) {
          let data3 = data1["if-no-match"];
          if (!(data3 === "error" || data3 === "warn" || data3 === "ignore")) {
            const err6 = { instancePath: instancePath + "/defaults/if-no-match", schemaPath: "#/definitions/ifNoMatch/enum", keyword: "enum", params: { allowedValues: schema46.enum }, message: "must be equal to one of the allowed values", schema: schema46.enum, parentSchema: schema46, data: data3 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data1["max-attempts"] !== void 0) {
          let data4 = data1["max-attempts"];
          if (!(typeof data4 == "number" && (!(data4 % 1) && !isNaN(data4)))) {
            const err7 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema47.type, parentSchema: schema47, data: data4 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
          if (typeof data4 == "number") {
            if (data4 > 100 || isNaN(data4)) {
              const err8 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100", schema: 100, parentSchema: schema47, data: data4 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (data4 < 1 || isNaN(data4)) {
              const err9 = { instancePath: instancePath + "/defaults/max-attempts", schemaPath: "#/definitions/maxAttempts/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema47, data: data4 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          }
        }
        if (data1["continue-on-error"] !== void 0) {
          let data5 = data1["continue-on-error"];
          if (typeof data5 !== "boolean") {
            const err10 = { instancePath: instancePath + "/defaults/continue-on-error", schemaPath: "#/properties/defaults/properties/continue-on-error/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema44.properties.defaults.properties["continue-on-error"].type, parentSchema: schema44.properties.defaults.properties["continue-on-error"], data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data1.parallel !== void 0) {
          let data6 = data1.parallel;
          const _errs17 = errors;
          let valid6 = false;
          const _errs18 = errors;
          if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)))) {
            const err11 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema48.anyOf[0].type, parentSchema: schema48.anyOf[0], data: data6 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
          if (typeof data6 == "number") {
            if (data6 > 1024 || isNaN(data6)) {
              const err12 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1024 }, message: "must be <= 1024", schema: 1024, parentSchema: schema48.anyOf[0], data: data6 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (data6 < 1 || isNaN(data6)) {
              const err13 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema48.anyOf[0], data: data6 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
          var _valid0 = _errs18 === errors;
          valid6 = valid6 || _valid0;
          if (!valid6) {
            const _errs20 = errors;
            if ("auto" !== data6) {
              const err14 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf/1/const", keyword: "const", params: { allowedValue: "auto" }, message: "must be equal to constant", schema: "auto", parentSchema: schema48.anyOf[1], data: data6 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            var _valid0 = _errs20 === errors;
            valid6 = valid6 || _valid0;
          }
          if (!valid6) {
            const err15 = { instancePath: instancePath + "/defaults/parallel", schemaPath: "#/definitions/parallel/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema48.anyOf, parentSchema: schema48, data: data6 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          } else {
            errors = _errs17;
            if (vErrors !== null) {
              if (_errs17) {
                vErrors.length = _errs17;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data1["shard-by"] !== void 0) {
          let data7 = data1["shard-by"];
          if (typeof data7 === "string") {
            if (func2(data7) > 4096) {
              const err16 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema49, data: data7 };
              if (vErrors === null) {
                vErrors = [err16];
              } else {
                vErrors.push(err16);
              }
              errors++;
            }
            if (func2(data7) < 1) {
              const err17 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema49, data: data7 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/defaults/shard-by", schemaPath: "#/definitions/shardBy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema49.type, parentSchema: schema49, data: data7 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema44.properties.defaults.type, parentSchema: schema44.properties.defaults, data: data1 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.operations !== void 0) {
      let data8 = data.operations;
      if (Array.isArray(data8)) {
        if (data8.length < 1) {
          const err20 = { instancePath: instancePath + "/operations", schemaPath: "#/properties/operations/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema44.properties.operations, data: data8 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/operations", schemaPath: "#/properties/operations/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema44.properties.operations.type, parentSchema: schema44.properties.operations, data: data8 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema44.type, parentSchema: schema44, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate42.errors = vErrors;
  return errors === 0;
}
var op_mkdir = validate43;
function validate43(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.mkdir === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mkdir" }, message: "must have required property 'mkdir'", schema: schema18.required, parentSchema: schema18, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "mkdir" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.mkdir !== void 0) {
      let data0 = data.mkdir;
      if (typeof data0 === "string") {
        if (func2(data0) > 4096) {
          const err2 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/mkdir", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate43.errors = vErrors;
  return errors === 0;
}
var op_move = validate45;
function validate45(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.move === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "move" }, message: "must have required property 'move'", schema: schema26.required, parentSchema: schema26, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "move" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema26, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.move !== void 0) {
      if (!validate18(data.move, { instancePath: instancePath + "/move", parentData: data, parentDataProperty: "move", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema26.type, parentSchema: schema26, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate45.errors = vErrors;
  return errors === 0;
}
var op_rename = validate48;
function validate48(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.rename === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rename" }, message: "must have required property 'rename'", schema: schema30.required, parentSchema: schema30, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "rename" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema30, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.rename !== void 0) {
      if (!validate18(data.rename, { instancePath: instancePath + "/rename", parentData: data, parentDataProperty: "rename", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema30.type, parentSchema: schema30, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate48.errors = vErrors;
  return errors === 0;
}
var op_copy = validate51;
function validate51(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.copy === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "copy" }, message: "must have required property 'copy'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "copy" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.copy !== void 0) {
      if (!validate18(data.copy, { instancePath: instancePath + "/copy", parentData: data, parentDataProperty: "copy", rootData })) {
        vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate51.errors = vErrors;
  return errors === 0;
}
var op_delete = validate54;
function validate54(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.delete === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "delete" }, message: "must have required property 'delete'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "delete" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema32, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.delete !== void 0) {
      let data0 = data.delete;
      if (typeof data0 === "string") {
        if (func2(data0) > 4096) {
          const err2 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (func2(data0) < 1) {
          const err3 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/delete", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate54.errors = vErrors;
  return errors === 0;
}
var op_write = validate56;
function validate56(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.write === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "write" }, message: "must have required property 'write'", schema: schema34.required, parentSchema: schema34, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "write" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.write !== void 0) {
      let data0 = data.write;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.path === void 0) {
          const err2 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema34.properties.write.required, parentSchema: schema34.properties.write, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.content === void 0) {
          const err3 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/required", keyword: "required", params: { missingProperty: "content" }, message: "must have required property 'content'", schema: schema34.properties.write.required, parentSchema: schema34.properties.write, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === "path" || key1 === "content" || key1 === "mode")) {
            const err4 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34.properties.write, data: data0 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.path !== void 0) {
          let data1 = data0.path;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err5 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err6 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = { instancePath: instancePath + "/write/path", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.content !== void 0) {
          let data2 = data0.content;
          if (typeof data2 === "string") {
            if (func2(data2) > 67108864) {
              const err8 = { instancePath: instancePath + "/write/content", schemaPath: "#/properties/write/properties/content/maxLength", keyword: "maxLength", params: { limit: 67108864 }, message: "must NOT have more than 67108864 characters", schema: 67108864, parentSchema: schema34.properties.write.properties.content, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/write/content", schemaPath: "#/properties/write/properties/content/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.write.properties.content.type, parentSchema: schema34.properties.write.properties.content, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.mode !== void 0) {
          let data3 = data0.mode;
          if (typeof data3 === "string") {
            if (!pattern1.test(data3)) {
              const err10 = { instancePath: instancePath + "/write/mode", schemaPath: "#/properties/write/properties/mode/pattern", keyword: "pattern", params: { pattern: "^0?[0-7]{3}$" }, message: 'must match pattern "^0?[0-7]{3}$"', schema: "^0?[0-7]{3}$", parentSchema: schema34.properties.write.properties.mode, data: data3 };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = { instancePath: instancePath + "/write/mode", schemaPath: "#/properties/write/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.properties.write.properties.mode.type, parentSchema: schema34.properties.write.properties.mode, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = { instancePath: instancePath + "/write", schemaPath: "#/properties/write/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.properties.write.type, parentSchema: schema34.properties.write, data: data0 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
  } else {
    const err13 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.type, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err13];
    } else {
      vErrors.push(err13);
    }
    errors++;
  }
  validate56.errors = vErrors;
  return errors === 0;
}
var op_replace = validate58;
function validate58(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.replace === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "replace" }, message: "must have required property 'replace'", schema: schema36.required, parentSchema: schema36, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "replace" || key0 === "id" || key0 === "each" || key0 === "on-conflict" || key0 === "if-no-match" || key0 === "max-attempts" || key0 === "continue-on-error" || key0 === "shard-by")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.replace !== void 0) {
      let data0 = data.replace;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.files === void 0) {
          const err2 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.find === void 0) {
          const err3 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "find" }, message: "must have required property 'find'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (data0.with === void 0) {
          const err4 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/required", keyword: "required", params: { missingProperty: "with" }, message: "must have required property 'with'", schema: schema36.properties.replace.required, parentSchema: schema36.properties.replace, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        for (const key1 in data0) {
          if (!(key1 === "files" || key1 === "find" || key1 === "with" || key1 === "regex" || key1 === "flags")) {
            const err5 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema36.properties.replace, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.files !== void 0) {
          let data1 = data0.files;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err6 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err7 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/replace/files", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.find !== void 0) {
          let data2 = data0.find;
          if (typeof data2 === "string") {
            if (func2(data2) < 1) {
              const err9 = { instancePath: instancePath + "/replace/find", schemaPath: "#/properties/replace/properties/find/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema36.properties.replace.properties.find, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/replace/find", schemaPath: "#/properties/replace/properties/find/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.find.type, parentSchema: schema36.properties.replace.properties.find, data: data2 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.with !== void 0) {
          let data3 = data0.with;
          if (typeof data3 !== "string") {
            const err11 = { instancePath: instancePath + "/replace/with", schemaPath: "#/properties/replace/properties/with/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.with.type, parentSchema: schema36.properties.replace.properties.with, data: data3 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.regex !== void 0) {
          let data4 = data0.regex;
          if (typeof data4 !== "boolean") {
            const err12 = { instancePath: instancePath + "/replace/regex", schemaPath: "#/properties/replace/properties/regex/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema36.properties.replace.properties.regex.type, parentSchema: schema36.properties.replace.properties.regex, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data0.flags !== void 0) {
          let data5 = data0.flags;
          if (typeof data5 === "string") {
            if (!pattern2.test(data5)) {
              const err13 = { instancePath: instancePath + "/replace/flags", schemaPath: "#/properties/replace/properties/flags/pattern", keyword: "pattern", params: { pattern: "^[imsu]*$" }, message: 'must match pattern "^[imsu]*$"', schema: "^[imsu]*$", parentSchema: schema36.properties.replace.properties.flags, data: data5 };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          } else {
            const err14 = { instancePath: instancePath + "/replace/flags", schemaPath: "#/properties/replace/properties/flags/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema36.properties.replace.properties.flags.type, parentSchema: schema36.properties.replace.properties.flags, data: data5 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/replace", schemaPath: "#/properties/replace/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.properties.replace.type, parentSchema: schema36.properties.replace, data: data0 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema36.type, parentSchema: schema36, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate58.errors = vErrors;
  return errors === 0;
}
var op_run = validate60;
function validate60(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!validate13(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
    errors = vErrors.length;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.run === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema38.required, parentSchema: schema38, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func22.call(schema38.properties, key0)) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data0 = data.run;
      const _errs5 = errors;
      let valid2 = false;
      let passing0 = null;
      const _errs6 = errors;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.command === void 0) {
          const err2 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/0/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema38.properties.run.oneOf[0].required, parentSchema: schema38.properties.run.oneOf[0], data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
      var _valid0 = _errs6 === errors;
      if (_valid0) {
        valid2 = true;
        passing0 = 0;
      }
      const _errs7 = errors;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.shell === void 0) {
          const err3 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/required", keyword: "required", params: { missingProperty: "shell" }, message: "must have required property 'shell'", schema: schema38.properties.run.oneOf[1].required, parentSchema: schema38.properties.run.oneOf[1], data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
      var _valid0 = _errs7 === errors;
      if (_valid0 && valid2) {
        valid2 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid2 = true;
          passing0 = 1;
        }
      }
      if (!valid2) {
        const err4 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema38.properties.run.oneOf, parentSchema: schema38.properties.run, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          if (!(key1 === "files" || key1 === "command" || key1 === "shell" || key1 === "creates" || key1 === "removes" || key1 === "timeout" || key1 === "env" || key1 === "batch")) {
            const err5 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema38.properties.run, data: data0 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.files !== void 0) {
          let data1 = data0.files;
          if (typeof data1 === "string") {
            if (func2(data1) > 4096) {
              const err6 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (func2(data1) < 1) {
              const err7 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data1 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/run/files", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data1 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data0.command !== void 0) {
          let data2 = data0.command;
          if (Array.isArray(data2)) {
            if (data2.length < 1) {
              const err9 = { instancePath: instancePath + "/run/command", schemaPath: "#/properties/run/properties/command/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema38.properties.run.properties.command, data: data2 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            const len0 = data2.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data3 = data2[i0];
              if (typeof data3 !== "string") {
                const err10 = { instancePath: instancePath + "/run/command/" + i0, schemaPath: "#/properties/run/properties/command/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.command.items.type, parentSchema: schema38.properties.run.properties.command.items, data: data3 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
          } else {
            const err11 = { instancePath: instancePath + "/run/command", schemaPath: "#/properties/run/properties/command/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema38.properties.run.properties.command.type, parentSchema: schema38.properties.run.properties.command, data: data2 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.shell !== void 0) {
          let data4 = data0.shell;
          if (typeof data4 === "string") {
            if (func2(data4) < 1) {
              const err12 = { instancePath: instancePath + "/run/shell", schemaPath: "#/properties/run/properties/shell/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema38.properties.run.properties.shell, data: data4 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/run/shell", schemaPath: "#/properties/run/properties/shell/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.shell.type, parentSchema: schema38.properties.run.properties.shell, data: data4 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data0.creates !== void 0) {
          let data5 = data0.creates;
          if (typeof data5 === "string") {
            if (func2(data5) > 4096) {
              const err14 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data5 };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (func2(data5) < 1) {
              const err15 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data5 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/run/creates", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data5 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data0.removes !== void 0) {
          let data6 = data0.removes;
          if (typeof data6 === "string") {
            if (func2(data6) > 4096) {
              const err17 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema20, data: data6 };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
            if (func2(data6) < 1) {
              const err18 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema20, data: data6 };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = { instancePath: instancePath + "/run/removes", schemaPath: "#/definitions/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.type, parentSchema: schema20, data: data6 };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data0.timeout !== void 0) {
          let data7 = data0.timeout;
          if (typeof data7 === "string") {
            if (!pattern3.test(data7)) {
              const err20 = { instancePath: instancePath + "/run/timeout", schemaPath: "#/definitions/duration/pattern", keyword: "pattern", params: { pattern: "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$" }, message: 'must match pattern "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$"', schema: "^\\s*(\\d+(\\.\\d+)?(ms|s|m|h)\\s*)+$", parentSchema: schema42, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          } else {
            const err21 = { instancePath: instancePath + "/run/timeout", schemaPath: "#/definitions/duration/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema42.type, parentSchema: schema42, data: data7 };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
        if (data0.env !== void 0) {
          let data8 = data0.env;
          if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
            for (const key2 in data8) {
              let data9 = data8[key2];
              if (typeof data9 !== "string") {
                const err22 = { instancePath: instancePath + "/run/env/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/run/properties/env/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema38.properties.run.properties.env.additionalProperties.type, parentSchema: schema38.properties.run.properties.env.additionalProperties, data: data9 };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            }
          } else {
            const err23 = { instancePath: instancePath + "/run/env", schemaPath: "#/properties/run/properties/env/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.properties.run.properties.env.type, parentSchema: schema38.properties.run.properties.env, data: data8 };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data0.batch !== void 0) {
          let data10 = data0.batch;
          if (!(typeof data10 == "number" && (!(data10 % 1) && !isNaN(data10)))) {
            const err24 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema38.properties.run.properties.batch.type, parentSchema: schema38.properties.run.properties.batch, data: data10 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
          if (typeof data10 == "number") {
            if (data10 > 1e5 || isNaN(data10)) {
              const err25 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e5 }, message: "must be <= 100000", schema: 1e5, parentSchema: schema38.properties.run.properties.batch, data: data10 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (data10 < 1 || isNaN(data10)) {
              const err26 = { instancePath: instancePath + "/run/batch", schemaPath: "#/properties/run/properties/batch/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema38.properties.run.properties.batch, data: data10 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        }
      } else {
        const err27 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.properties.run.type, parentSchema: schema38.properties.run, data: data0 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.parallel !== void 0) {
      let data11 = data.parallel;
      const _errs36 = errors;
      let valid12 = false;
      const _errs37 = errors;
      if (!(typeof data11 == "number" && (!(data11 % 1) && !isNaN(data11)))) {
        const err28 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema15.anyOf[0].type, parentSchema: schema15.anyOf[0], data: data11 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      if (typeof data11 == "number") {
        if (data11 > 1024 || isNaN(data11)) {
          const err29 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1024 }, message: "must be <= 1024", schema: 1024, parentSchema: schema15.anyOf[0], data: data11 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
        if (data11 < 1 || isNaN(data11)) {
          const err30 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/0/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema15.anyOf[0], data: data11 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      }
      var _valid1 = _errs37 === errors;
      valid12 = valid12 || _valid1;
      if (!valid12) {
        const _errs39 = errors;
        if ("auto" !== data11) {
          const err31 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf/1/const", keyword: "const", params: { allowedValue: "auto" }, message: "must be equal to constant", schema: "auto", parentSchema: schema15.anyOf[1], data: data11 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        var _valid1 = _errs39 === errors;
        valid12 = valid12 || _valid1;
      }
      if (!valid12) {
        const err32 = { instancePath: instancePath + "/parallel", schemaPath: "#/definitions/parallel/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema15.anyOf, parentSchema: schema15, data: data11 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      } else {
        errors = _errs36;
        if (vErrors !== null) {
          if (_errs36) {
            vErrors.length = _errs36;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err33 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema38.type, parentSchema: schema38, data };
    if (vErrors === null) {
      vErrors = [err33];
    } else {
      vErrors.push(err33);
    }
    errors++;
  }
  validate60.errors = vErrors;
  return errors === 0;
}

// src/plan/schema.ts
var opValidators = new Map(KINDS.map((k) => [k, validators_generated_exports[`op_${k}`]]));
function validatePlanValue(value) {
  if (validPlan(value)) return [];
  const v = plan;
  return v(value) ? [] : [...v.errors ?? []];
}
function validPlan(value) {
  if (!plan_top(value)) return false;
  for (const op of value.operations) {
    if (op === null || typeof op !== "object") return false;
    let kind;
    for (const k of KINDS) {
      if (!Object.hasOwn(op, k)) continue;
      if (kind) return false;
      kind = k;
    }
    if (!kind || !opValidators.get(kind)(op)) return false;
  }
  return true;
}
function validateOpValue(kind, value) {
  const v = opValidators.get(kind);
  return v(value) ? [] : [...v.errors ?? []];
}
var COMMON_OP_KEYS = Object.keys(plan_schema_default.definitions.common.properties ?? {});
function allowedTopKeys() {
  return Object.keys(plan_schema_default.properties);
}
function allowedDefaultsKeys() {
  return Object.keys(plan_schema_default.properties.defaults.properties);
}
function allowedOpKeys(kind) {
  const def = plan_schema_default.definitions[`op-${kind}`];
  return Object.keys(def.properties ?? {});
}
function allowedBodyKeys(kind) {
  const defs = plan_schema_default.definitions;
  const body = (defs[`op-${kind}`].properties ?? {})[kind];
  if (body.$ref) return Object.keys(defs[body.$ref.split("/").pop()].properties ?? {});
  return Object.keys(body.properties ?? {});
}
function closest(word, known) {
  let best;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    const limit = Math.min(2, Math.ceil(Math.min(word.length, k.length) / 3));
    if (d <= limit && d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
function suggest(key, known) {
  const best = closest(key, known);
  return best ? ` (did you mean '${best}'?)` : "";
}
function editDistance(a, b) {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

// src/plan/check.ts
var SAMPLE = templateVars("sample/dir/file.txt", "sample");
function q(text) {
  const control = [...text].some((c) => c < " ");
  return control ? JSON.stringify(text) : `'${text}'`;
}
function subjectField(op) {
  switch (op.kind) {
    case "mkdir":
    case "delete":
      return op.kind;
    case "write":
      return "write.path";
    case "replace":
      return "replace.files";
    case "run":
      return "run.files";
    default:
      return FROM_FIELD[op.kind];
  }
}
var FROM_FIELD = Object.fromEntries(KINDS.map((k) => [k, `${k}.from`]));
var TO_FIELD = Object.fromEntries(KINDS.map((k) => [k, `${k}.to`]));
function parse(mk, field, text) {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const best = e.placeholder !== void 0 ? closest(e.placeholder, PLACEHOLDERS) : void 0;
    const detail = best ? e.message.replace(`{${e.placeholder}} (known:`, `{${e.placeholder}}; did you mean {${best}}? (known:`) : e.message;
    throw mk(field, detail);
  }
}
function placeholders(parts) {
  if (parts.length === 1 && typeof parts[0] === "string") return [];
  return parts.flatMap((p) => typeof p === "string" ? [] : [p.var]);
}
function checkPath(mk, field, rendered, template) {
  const problem = planPathProblem(rendered);
  if (!problem) return;
  if (template === false || template === rendered) throw mk(field, problem);
  const own = problem.replace(`'${rendered}'`, `'${template}'`);
  throw mk(field, `${own} (for a match such as 'sample/dir/file.txt' it becomes '${rendered}')`);
}
function home(mk, field, text) {
  if (text === "~" || text.startsWith("~/")) {
    throw mk(
      field,
      `'${text}' starts with '~', but the home directory is outside the workspace (write './~/\u2026' for a directory named '~')`
    );
  }
}
function checkOpPaths(op, mk) {
  if (op.shardBy !== void 0) parse(mk, "shard-by", op.shardBy);
  if (op.each !== void 0) {
    const g = globProblem(op.each);
    if (g) throw mk("each", `${q(op.each)} ${g}`);
    const p = planPathProblem(op.each);
    if (p) throw mk("each", p);
    home(mk, "each", op.each);
  }
  const hasMatch = op.each !== void 0 || op.subject !== void 0 && op.kind !== "mkdir" && op.kind !== "write";
  if (op.subject !== void 0) {
    const field = subjectField(op);
    const parts = parse(mk, field, op.subject);
    const vars = placeholders(parts);
    if (vars.length > 0 && op.each === void 0) {
      throw mk(
        field,
        `'${op.subject}' uses {${vars[0]}}, but a subject has no match to fill it in; add \`each: <glob>\` to fan out`
      );
    }
    const text = renderTemplate(parts, SAMPLE);
    if (isGlob(text)) {
      if (op.each !== void 0) {
        throw mk(field, `'${op.subject}' is a glob, but with \`each\` the subject is one path per match`);
      }
      if (op.kind === "mkdir" || op.kind === "write") {
        throw mk(field, `'${op.subject}' is a glob, but ${op.kind} takes a path; use \`each\` to fan out`);
      }
      const g = globProblem(text);
      if (g) throw mk(field, `${q(op.subject)} ${g}`);
    }
    checkPath(mk, field, text, vars.length > 0 && op.subject);
    home(mk, field, op.subject);
    if (normalizeRel(text) === "." && op.kind !== "run" && op.kind !== "replace") {
      throw mk(field, `'${op.subject}' names the workspace root itself`);
    }
  } else if (op.kind !== "run") {
    throw mk(subjectField(op), "is missing");
  }
  if (op.to !== void 0) {
    const field = TO_FIELD[op.kind];
    const parts = parse(mk, field, op.to);
    const rendered = renderTemplate(parts, SAMPLE);
    if (op.kind === "rename") {
      const bad = placeholders(parts).find((v) => v === "path" || v === "dir" || v === "relpath");
      if (bad)
        throw mk(
          field,
          `'${op.to}': {${bad}} holds a directory, but rename gives a new name in the same directory (use move to change directory)`
        );
      if (parts.some((p) => typeof p === "string" && p.includes("/"))) {
        throw mk(
          field,
          `'${op.to}' is a path, but rename takes a new name: it must not contain '/' (use move to change directory)`
        );
      }
      if (rendered === "." || rendered === "..") throw mk(field, `'${rendered}' is not a file name`);
      checkPath(mk, field, rendered, op.to);
    } else {
      checkPath(mk, field, rendered, placeholders(parts).length > 0 && op.to);
      home(mk, field, op.to);
      if (normalizeRel(rendered) === "." && !rendered.endsWith("/")) {
        throw mk(
          field,
          `'${op.to}' names the workspace root itself (end it with '/' to ${op.kind} into the root)`
        );
      }
    }
  }
  if (op.kind === "run") {
    op.command?.forEach((arg, i) => {
      const field = `run.command[${i}]`;
      if (arg === PATHS_ITEM) {
        if (op.batch === void 0)
          throw mk(field, `'{paths}' stands for the paths of a batch: add \`batch: N\`, or use '{path}'`);
        return;
      }
      if (/(?<!\{)\{paths\}(?!\})/.test(arg))
        throw mk(field, `'${arg}': {paths} must be an argv item of its own (it becomes one item per path)`);
      const used = placeholders(parse(mk, field, arg));
      if (used.length > 0 && op.batch !== void 0) {
        throw mk(
          field,
          `'${arg}' uses {${used[0]}}, a placeholder of one path, in a batched command: a batch's paths come only through '{paths}'`
        );
      }
      if (used.length > 0 && !hasMatch) {
        throw mk(
          field,
          `'${arg}' uses a placeholder, but the operation has neither \`files\` nor \`each\` to fill it`
        );
      }
    });
    if (op.batch !== void 0 && op.command && !op.command.includes(PATHS_ITEM)) {
      throw mk(
        "run.command",
        "a batched command needs an argv item that is exactly '{paths}' (or use shell: with BULK_OPS_PATHS_FILE)"
      );
    }
    if (op.shell !== void 0) {
      const spliced = [...PLACEHOLDERS, "paths"].find(
        (p) => new RegExp(`(?<![$\\{])\\{${p}\\}(?!\\})`).test(op.shell)
      );
      if (spliced) {
        const use = op.batch !== void 0 ? 'the file named by "$BULK_OPS_PATHS_FILE"' : '"$BULK_OPS_PATH"';
        throw mk(
          "run.shell",
          `{${spliced}} is not substituted in shell text (a file name must never run as code); use ${use} (or argv form, \`command:\`)`
        );
      }
    }
    for (const field of ["creates", "removes"]) {
      const v = op[field];
      if (v === void 0) continue;
      const parts = parse(mk, `run.${field}`, v);
      if (placeholders(parts).length > 0 && !hasMatch) {
        throw mk(
          `run.${field}`,
          `'${v}' uses a placeholder, but the operation has neither \`files\` nor \`each\` to fill it`
        );
      }
      const rendered = renderTemplate(parts, SAMPLE);
      if (isGlob(rendered)) throw mk(`run.${field}`, `'${v}' is a glob, but a guard is one path`);
      checkPath(mk, `run.${field}`, rendered, placeholders(parts).length > 0 && v);
    }
  }
}

// src/plan/load.ts
var MAX_PLAN_BYTES = 256 * 1024 * 1024;
var fieldLocations = /* @__PURE__ */ new WeakMap();
function opFieldLocation(plan2, op, field) {
  const locate = fieldLocations.get(plan2);
  if (!locate) return {};
  const at = locate(["operations", op.index, ...fieldPath(op.kind, field)]);
  return at.line !== void 0 ? at : locate(["operations", op.index]);
}
async function loadPlanFile(file, defaults = {}) {
  let buf;
  try {
    buf = await readFile(file);
  } catch (err) {
    const code2 = err.code;
    const why = code2 === "ENOENT" ? "plan file not found" : code2 === "EISDIR" ? "is a directory, not a plan file" : `cannot read plan file (${code2})`;
    throw new PlanError(why, { file });
  }
  if (buf.length > MAX_PLAN_BYTES) {
    throw new PlanError(`plan is larger than ${MAX_PLAN_BYTES} bytes`, { file });
  }
  if (buf[0] === 255 && buf[1] === 254 || buf[0] === 254 && buf[1] === 255) {
    throw new PlanError("is UTF-16 text; save the plan as UTF-8", { file });
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new PlanError("is not UTF-8 text (is it a binary file?); save the plan as UTF-8", { file });
  }
  return parsePlan(text, file, defaults);
}
function parsePlan(text, file, defaults = {}) {
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const isJson = /\.json$/i.test(file);
  const lang = isJson ? "JSON" : "YAML";
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    throw new PlanError("contains a NUL byte: a plan is UTF-8 text (is this a binary file?)", {
      file,
      ...lineCol(text, nul)
    });
  }
  const { value, locate } = isJson ? parseJson(text, file) : parseYaml(text, file, lang);
  if (value === null || value === void 0) {
    throw new PlanError("the plan is empty; it needs `version: 1` and a list of `operations`", { file });
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    const got = Array.isArray(value) ? "a list" : describeValue(value);
    throw new PlanError(`a plan must be a mapping with \`version: 1\` and \`operations\`, not ${got}`, {
      file,
      ...locate([])
    });
  }
  const top = value;
  if (!("version" in top)) {
    throw new PlanError("missing field `version` (add `version: 1` at the top)", { file, ...locate([]) });
  }
  if (top.version !== 1) {
    const detail = top.version === "1" ? 'is the string "1"; write `version: 1` without quotes' : `is ${describeValue(top.version)}, but this bulk-ops reads only version 1`;
    throw new PlanError(detail, { file, field: "version", ...locate(["version"]) });
  }
  const errors = validatePlanValue(value);
  if (errors.length > 0) throw schemaFailure(errors, top, file, locate);
  const planDefaults = top.defaults ?? {};
  const basePolicy = Object.freeze({
    onConflict: planDefaults["on-conflict"] ?? "fail",
    ifNoMatch: planDefaults["if-no-match"] ?? "error",
    maxAttempts: planDefaults["max-attempts"] ?? defaults.maxAttempts ?? 3,
    continueOnError: planDefaults["continue-on-error"] ?? defaults.continueOnError ?? true,
    parallel: parallelism(planDefaults.parallel ?? defaults.parallel ?? 1)
  });
  const defaultShardBy = planDefaults["shard-by"];
  if (typeof defaultShardBy === "string") {
    try {
      parseTemplate(defaultShardBy);
    } catch (e) {
      throw new PlanError(e.message, {
        file,
        field: "defaults.shard-by",
        ...locate(["defaults", "shard-by"])
      });
    }
  }
  const rawOps = top.operations;
  const ops = rawOps.map((raw, index) => {
    const op = normalizeOp(raw, index, basePolicy, file, locate);
    const where = (field) => locate(["operations", index, ...fieldPath(op.kind, field)]);
    const shardBy = raw["shard-by"] ?? planDefaults["shard-by"];
    if (shardBy !== void 0 && shardBy !== DEFAULT_SHARD_BY) op.shardBy = shardBy;
    checkOpPaths(op, (field, detail) => {
      return new PlanError(detail, {
        file,
        op: index,
        id: op.id,
        kind: op.kind,
        field,
        ...where(field)
      });
    });
    return op;
  });
  const { id, pieces } = fingerprintOps(ops);
  const plan2 = { version: 1, file, ops, planId: id };
  keepCanonicalText(plan2, pieces);
  fieldLocations.set(plan2, isJson ? locate : lazyLocate(text));
  return plan2;
}
function parseYaml(text, file, lang) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    const key = e.code === "DUPLICATE_KEY" ? keyAt(text, e.pos[0]) : "";
    const detail = key && key.length <= 60 && !key.includes("\n") ? `the key ${/^["']/.test(key) ? key : `'${key}'`} appears twice in the same mapping (keys must be unique)` : yamlMessage(e.code, e.message);
    throw new PlanError(`invalid ${lang}: ${detail}`, {
      file,
      line: pos.line,
      column: pos.col
    });
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 1e3 });
  } catch (err) {
    throw new PlanError(`invalid ${lang}: ${yamlMessage("", err.message)}`, { file });
  }
  return { value, locate: locator(doc, lineCounter) };
}
function parseJson(text, file) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const found = jsonSyntaxError(text);
    const detail = found?.message ?? err.message.replace(/ in JSON at position \d+.*$/s, "");
    throw new PlanError(`invalid JSON: ${detail}`, { file, ...found ? lineCol(text, found.offset) : {} });
  }
  if (mayRepeatKeys(text, value)) parseYaml(text, file, "JSON");
  return { value, locate: lazyLocate(text) };
}
function lazyLocate(text) {
  let locate;
  return (path, key) => {
    if (!locate) {
      const lineCounter = new import_yaml.LineCounter();
      locate = locator((0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false }), lineCounter);
    }
    return locate(path, key);
  };
}
function locator(doc, lineCounter) {
  return (path, key = false) => {
    if (key && path.length > 0) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      const last = path[path.length - 1];
      if ((0, import_yaml.isMap)(parent)) {
        const pair = parent.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === last);
        const range = pair && (0, import_yaml.isScalar)(pair.key) ? pair.key.range : void 0;
        if (range) {
          const pos = lineCounter.linePos(range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (node && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return {};
  };
}
function colons(s) {
  let n = 0;
  for (let i = s.indexOf(":"); i >= 0; i = s.indexOf(":", i + 1)) n++;
  return n;
}
function mayRepeatKeys(text, value) {
  if (/\\u003a/i.test(text)) return true;
  let kept = 0;
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (v.includes(":")) kept += colons(v);
    } else if (Array.isArray(v)) {
      for (const x of v)
        if (x !== null && typeof x === "object") stack.push(x);
        else if (typeof x === "string" && x.includes(":")) kept += colons(x);
    } else if (v !== null && typeof v === "object") {
      const o = v;
      for (const k in o) {
        kept += 1 + (k.includes(":") ? colons(k) : 0);
        stack.push(o[k]);
      }
    }
  }
  return colons(text) !== kept;
}
function keyAt(text, offset) {
  const re = text[offset] === '"' ? /"(?:[^"\\\n]|\\.)*"/y : text[offset] === "'" ? /'[^'\n]*'/y : /[^:\n]+/y;
  re.lastIndex = offset;
  return re.exec(text)?.[0].trim() ?? "";
}
function lineCol(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
function jsonSyntaxError(text) {
  let i = 0;
  const token = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const string = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const skipSpace = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const at = (message) => ({ offset: i, message });
  const unexpected = (what2) => {
    if (i >= text.length) return at(`the text ends where ${what2} was expected`);
    const c = text[i];
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*"))
      return at("comments are not allowed in JSON");
    if (c === "'") return at("strings need double quotes in JSON");
    const shown = c < " " ? JSON.stringify(c) : `'${c}'`;
    return at(`unexpected ${shown} where ${what2} was expected`);
  };
  const eat = (re) => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  const stack = [];
  let state2 = "value";
  let afterComma = false;
  for (; ; ) {
    skipSpace();
    const c = text[i];
    if (state2 === "value") {
      if (afterComma && c === "]") return at("trailing comma before ']'");
      afterComma = false;
      if (c === "{" || c === "[") {
        stack.push(c === "{" ? "}" : "]");
        i++;
        skipSpace();
        if (text[i] === stack[stack.length - 1]) {
          stack.pop();
          i++;
          state2 = "after";
        } else state2 = c === "{" ? "key" : "value";
        continue;
      }
      if (c === '"' ? !eat(string) : !eat(token)) {
        return c === '"' ? at("unterminated string or bad escape") : unexpected("a value");
      }
      state2 = "after";
    } else if (state2 === "key") {
      if (afterComma && c === "}") return at("trailing comma before '}'");
      afterComma = false;
      if (c !== '"') return unexpected('a "quoted" key');
      if (!eat(string)) return at("unterminated string or bad escape");
      skipSpace();
      if (text[i] !== ":") return unexpected("':' after the key");
      i++;
      state2 = "value";
    } else {
      const close = stack[stack.length - 1];
      if (close === void 0) return i < text.length ? unexpected("the end of the text") : null;
      if (c === close) {
        stack.pop();
        i++;
      } else if (c === ",") {
        i++;
        afterComma = true;
        state2 = close === "}" ? "key" : "value";
      } else return unexpected(`',' or '${close}'`);
    }
  }
}
function yamlMessage(code2, message) {
  const first = message.split("\n")[0].trim();
  if (code2 === "MULTIPLE_DOCS" || /multiple documents/i.test(first)) {
    return "the file holds more than one YAML document (a second '---'); a plan is one document";
  }
  if (code2 === "DUPLICATE_KEY" || /keys must be unique/i.test(first)) {
    return "a key appears twice in the same mapping (keys must be unique)";
  }
  if (/call stack/i.test(first)) return "the text is nested too deeply";
  if (/alias count/i.test(first)) return "too many alias (*name) expansions; write the plan out plainly";
  return first;
}
function fieldPath(kind, field) {
  const parts = [];
  for (const seg of field.split(".")) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    parts.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  return parts.length > 0 ? parts : [kind];
}
function kindOf(raw) {
  return KINDS.filter((k) => k in raw);
}
function normalizeOp(raw, index, base, file, locate) {
  const kind = kindOf(raw)[0];
  const body = raw[kind];
  const err = (field, detail) => new PlanError(detail, {
    file,
    op: index,
    id: raw.id,
    kind,
    field,
    ...locate(["operations", index, ...fieldPath(kind, field)])
  });
  const op = { index, kind, policy: policyOf(raw, kind, base) };
  if (typeof raw.id === "string") op.id = raw.id;
  if (typeof raw.each === "string") op.each = raw.each;
  const b = body;
  switch (kind) {
    case "mkdir":
    case "delete":
      op.subject = body;
      break;
    case "move":
    case "rename":
    case "copy":
      op.subject = b.from;
      op.to = b.to;
      break;
    case "write":
      op.subject = b.path;
      op.content = b.content;
      if (typeof b.mode === "string") op.mode = parseInt(b.mode, 8);
      break;
    case "replace":
      op.subject = b.files;
      op.find = b.find;
      op.with = b.with;
      op.regex = b.regex === true;
      if (typeof b.flags === "string" && b.flags) op.flags = b.flags;
      if (op.regex) {
        try {
          new RegExp(op.find, "g" + (op.flags ?? ""));
        } catch (e) {
          const why = e.message.replace(/^Invalid regular expression: /, "");
          throw err("replace.find", `is not a valid regular expression: ${why}`);
        }
      } else if (op.flags) {
        throw err(
          "replace.flags",
          "flags apply only to regular expressions; add `regex: true` or drop `flags`"
        );
      }
      break;
    case "run":
      if (typeof b.files === "string") op.subject = b.files;
      if (Array.isArray(b.command)) op.command = b.command;
      if (typeof b.shell === "string") op.shell = b.shell;
      if (typeof b.creates === "string") op.creates = b.creates;
      if (typeof b.removes === "string") op.removes = b.removes;
      if (b.env && typeof b.env === "object") op.env = { ...b.env };
      if (typeof b.batch === "number") {
        if (op.subject === void 0) throw err("run.batch", "a batch needs `files:`, the paths to share out");
        op.batch = b.batch;
      }
      if (typeof b.timeout === "string") {
        try {
          op.timeoutMs = parseDuration(b.timeout, "run.timeout");
        } catch (e) {
          throw err("run.timeout", e.message.replace(/^run\.timeout: /, ""));
        }
        if (op.timeoutMs <= 0) throw err("run.timeout", `'${b.timeout}' must be longer than 0`);
      }
      break;
  }
  return op;
}
var sharedPolicy = /* @__PURE__ */ new WeakMap();
function policyOf(raw, kind, base) {
  const own = raw["on-conflict"] !== void 0 || raw["if-no-match"] !== void 0 || raw["max-attempts"] !== void 0 || raw["continue-on-error"] !== void 0 || kind === "run" && raw.parallel !== void 0;
  if (!own) {
    if (kind === "run") return base;
    let shared = sharedPolicy.get(base);
    if (!shared) sharedPolicy.set(base, shared = Object.freeze({ ...base, parallel: 1 }));
    return shared;
  }
  return {
    onConflict: raw["on-conflict"] ?? base.onConflict,
    ifNoMatch: raw["if-no-match"] ?? base.ifNoMatch,
    maxAttempts: raw["max-attempts"] ?? base.maxAttempts,
    continueOnError: raw["continue-on-error"] ?? base.continueOnError,
    parallel: kind !== "run" ? 1 : raw.parallel !== void 0 ? parallelism(raw.parallel) : base.parallel
  };
}
var MAX_REPORTED = 20;
function schemaFailure(errors, top, file, locate) {
  const topErrs = errors.filter((e) => !/^\/operations\/\d+/.test(e.instancePath));
  if (topErrs.length > 0) {
    const topErr = pickError(topErrs);
    const path = pointerPath(topErr.instancePath);
    let fieldParts = path;
    if (topErr.keyword === "additionalProperties") {
      fieldParts = [...path, String(topErr.params.additionalProperty)];
    } else if (topErr.keyword === "required") {
      fieldParts = [...path, String(topErr.params.missingProperty)];
    }
    const field = fieldParts.join(".") || void 0;
    const onKey = topErr.keyword === "additionalProperties";
    return new PlanError(describe(topErr, path, field ?? "plan"), {
      file,
      field,
      ...locate(fieldParts, onKey)
    });
  }
  const bad = [...new Set(errors.map((e) => Number(/^\/operations\/(\d+)/.exec(e.instancePath)[1])))];
  const messages = [];
  for (const index of bad.slice(0, MAX_REPORTED)) messages.push(opFailure(top, index, file, locate));
  if (messages.length === 1) return messages[0];
  const more = bad.length > MAX_REPORTED ? `
  \u2026 and ${bad.length - MAX_REPORTED} more operations with errors` : "";
  const first = messages[0];
  const combined = new PlanError(
    `${bad.length} operations are invalid:
  ${messages.map((m) => m.message).join("\n  ")}${more}`,
    {}
  );
  Object.assign(combined, { where: first.where });
  return combined;
}
function opFailure(top, index, file, locate) {
  const raw = top.operations[index];
  const base = { file, op: index };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    const got = raw === null ? "empty" : `${describeValue(raw)}`;
    return new PlanError(
      `must be a mapping with one of the kinds ${KINDS.join(", ")}, not ${got} (e.g. \`- mkdir: docs\`)`,
      {
        ...base,
        ...locate(["operations", index])
      }
    );
  }
  const obj = raw;
  if (typeof obj.id === "string") base.id = obj.id;
  const kinds = kindOf(obj);
  if (kinds.length === 0) {
    const unknown = Object.keys(obj).filter((k) => !COMMON_OP_KEYS.includes(k));
    const hint = unknown.length > 0 ? suggest(unknown[0], [...KINDS]) : "";
    const what2 = unknown.length > 0 ? `unknown operation kind '${unknown[0]}'${hint}` : "has no operation kind";
    return new PlanError(`${what2}; expected one of: ${KINDS.join(", ")}`, {
      ...base,
      field: unknown[0],
      ...locate(["operations", index, ...unknown[0] ? [unknown[0]] : []], true)
    });
  }
  if (kinds.length > 1) {
    return new PlanError(
      `has more than one kind (${kinds.join(" and ")}); write each as its own list item (\`- ${kinds[1]}: \u2026\`)`,
      {
        ...base,
        kind: kinds.join("+"),
        field: kinds[1],
        ...locate(["operations", index, kinds[1]], true)
      }
    );
  }
  const kind = kinds[0];
  base.kind = kind;
  const errs = validateOpValue(kind, obj);
  const chosen = pickError(errs);
  const path = pointerPath(chosen.instancePath);
  let fieldParts = path;
  if (chosen.keyword === "additionalProperties") {
    fieldParts = [...path, String(chosen.params.additionalProperty)];
  } else if (chosen.keyword === "required") {
    fieldParts = [...path, String(chosen.params.missingProperty)];
  }
  const field = fieldParts.join(".") || kind;
  return new PlanError(describe(chosen, path, field, kind), {
    ...base,
    field,
    ...locate(["operations", index, ...fieldParts], chosen.keyword === "additionalProperties")
  });
}
function pickError(errs) {
  const oneOfAt = new Set(errs.filter((e) => e.keyword === "oneOf").map((e) => e.schemaPath));
  const inBranch = (e) => [...oneOfAt].some((p) => e.schemaPath.startsWith(p + "/") && e.schemaPath !== p);
  const candidates = errs.filter((e) => !inBranch(e));
  const rank = (e) => {
    if (e.keyword === "additionalProperties") return 0;
    if (e.keyword === "required") return 1;
    if (e.keyword === "type" || e.keyword === "enum" || e.keyword === "const") return 2;
    if (e.keyword === "oneOf") return 4;
    return 3;
  };
  return [...candidates.length ? candidates : errs].sort(
    (a, b) => rank(a) - rank(b) || b.instancePath.length - a.instancePath.length
  )[0];
}
function pointerPath(pointer) {
  return pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function describeValue(v) {
  if (v === null || v === void 0) return "empty (null)";
  if (typeof v === "string") {
    const s = v.length > 60 ? `${v.slice(0, 57)}\u2026` : v;
    return `the string ${JSON.stringify(s)}`;
  }
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `${v}`;
  if (Array.isArray(v)) return "a list";
  return "a mapping";
}
function describe(e, path, field, kind) {
  const p = e.params;
  const got = "data" in e ? describeValue(e.data) : void 0;
  if (path[path.length - 1] === "parallel" && e.keyword !== "additionalProperties") {
    return `must be a whole number from 1 to ${MAX_PARALLEL}, or "auto" (the machine's available parallelism), not ${got}`;
  }
  switch (e.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      let allowed = [];
      let hint = "";
      if (kind && path.length === 1 && path[0] === kind) {
        allowed = allowedBodyKeys(kind);
        if (COMMON_OP_KEYS.includes(key)) {
          hint = `; '${key}' belongs to the operation: put it beside \`${kind}:\`, not inside it`;
        }
      } else if (kind && path.length === 0) {
        allowed = allowedOpKeys(kind);
        if (KINDS.includes(key) || suggest(key, [...KINDS])) {
          hint = "; an operation has exactly one kind";
        } else if (allowedOpKeys("run").includes(key)) {
          hint = `; '${key}' applies only to run operations (the other kinds run in order, at the disk's speed)`;
        }
      } else if (!kind && path.length === 0) {
        allowed = allowedTopKeys();
      } else if (!kind && path.length === 1 && path[0] === "defaults") {
        allowed = allowedDefaultsKeys();
      }
      const mean = hint ? "" : suggest(key, allowed);
      return `unknown key '${key}'${mean}${hint}${allowed.length && !hint ? ` (allowed: ${allowed.join(", ")})` : ""}`;
    }
    case "required": {
      const missing = String(p.missingProperty);
      if (kind && path.length === 1 && path[0] === kind) {
        return `missing field '${missing}' (${kind} takes: ${allowedBodyKeys(kind).join(", ")})`;
      }
      return `missing field '${missing}'`;
    }
    case "type": {
      const want = article(String(p.type));
      if (field === "run.command" && typeof e.data === "string") {
        return `must be a list of arguments (argv), not a string: write [prog, arg, \u2026], or use \`shell:\` for a bash script`;
      }
      if (field.endsWith("mode") && typeof e.data === "number") {
        return `must be a quoted octal string such as "644" (unquoted, ${e.data} is read as a number)`;
      }
      if (kind && path.length === 1 && path[0] === kind && p.type === "object") {
        return `must be a mapping with ${allowedBodyKeys(kind).join(", ")}, not ${got}`;
      }
      return got ? `must be ${want}, not ${got}` : `must be ${want}`;
    }
    case "enum":
      return `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}${got ? `, not ${got}` : ""}`;
    case "const":
      return `must be ${JSON.stringify(p.allowedValue)}${got ? `, not ${got}` : ""}`;
    case "minItems":
      return field === "operations" ? "needs at least one operation" : `needs at least ${p.limit} item(s)`;
    case "minLength":
      return "must not be empty";
    case "maxLength":
      return `is longer than ${p.limit} characters`;
    case "minimum":
    case "maximum":
      return `must be ${e.keyword === "minimum" ? "at least" : "at most"} ${p.limit}${got ? `, not ${e.data}` : ""}`;
    case "pattern": {
      const v = JSON.stringify(e.data);
      if (field.endsWith("timeout")) return `${v} is not a duration (use forms like 90s, 2m, 1h30m)`;
      if (field.endsWith("mode")) return `${v} is not an octal file mode such as "644" or "755"`;
      if (field.endsWith("flags")) return `${v} has a flag other than i, m, s, u (g is always on)`;
      if (field === "id")
        return `${v} is not a valid id: start with a letter or digit, then letters, digits, '.', '_' or '-' (at most 100)`;
      return `${v} does not match ${p.pattern}`;
    }
    case "oneOf":
      if (kind === "run") {
        const body = e.data ?? {};
        if ("command" in body && "shell" in body) {
          return "has both `command` and `shell`; give one: `command` (an argv list) or `shell` (a bash script)";
        }
        return 'needs `command` (an argv list, e.g. [optipng, "{path}"]) or `shell` (a bash script)';
      }
      return "does not match any allowed form";
    case "minProperties":
      return "must not be empty";
    default:
      return e.message ?? "is invalid";
  }
}
function article(type) {
  if (type === "object") return "a mapping";
  if (type === "array") return "a list";
  if (type === "integer") return "a whole number";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

// src/plan/preflight.ts
function staticDir(parts) {
  const first = parts[0];
  const head = typeof first === "string" ? first : "";
  const slash = head.lastIndexOf("/");
  return slash > 0 ? head.slice(0, slash) : null;
}
function checkable(text, glob) {
  if (glob && isGlob(text)) return { rel: globPrefix(text), dir: true };
  if (isPlainText(text)) return { rel: text, dir: text.endsWith("/") };
  const parts = parseTemplate(text);
  if (hasPlaceholders(parts)) {
    const dir = staticDir(parts);
    return dir === null ? null : { rel: dir, dir: true };
  }
  const rel = literalText(text);
  return { rel, dir: rel.endsWith("/") };
}
async function preflight(plan2, sandbox) {
  for (const op of plan2.ops) {
    let p = op.each !== void 0 ? checkField(plan2, sandbox, op, "each", op.each, checkable(op.each, true)) : void 0;
    if (p) await p;
    if (op.subject !== void 0 && !plainAndKnown(sandbox, op.subject)) {
      const glob = op.each === void 0 && op.kind !== "mkdir" && op.kind !== "write";
      p = checkField(plan2, sandbox, op, subjectField(op), op.subject, checkable(op.subject, glob));
      if (p) await p;
    }
    if (op.to !== void 0 && op.kind !== "rename" && !plainAndKnown(sandbox, op.to)) {
      p = checkField(plan2, sandbox, op, `${op.kind}.to`, op.to, checkable(op.to, false));
      if (p) await p;
    }
    for (const f of GUARDS) {
      const v = op[f];
      p = v === void 0 ? void 0 : checkField(plan2, sandbox, op, `run.${f}`, v, checkable(v, false));
      if (p) await p;
    }
  }
}
var GUARDS = ["creates", "removes"];
function plainAndKnown(sandbox, text) {
  return isPlainText(text) && !isGlob(text) && sandbox.knownInside(text);
}
function checkField(plan2, sandbox, op, field, text, what2) {
  if (what2 === null || what2.rel === "" || normalizeRel(what2.rel) === ".") return;
  if (!what2.dir && sandbox.resolveKnown(what2.rel) !== void 0) return;
  return (what2.dir ? sandbox.resolveDir(what2.rel) : sandbox.resolve(what2.rel)).then(
    () => void 0,
    (err) => {
      const message = err.message.replace(`'${what2.rel}' `, `'${text}' `);
      throw new PlanError(message, {
        file: plan2.file,
        ...opFieldLocation(plan2, op, field),
        op: op.index,
        id: op.id,
        kind: op.kind,
        field
      });
    }
  );
}

// src/report/escape.ts
var PLAIN = /[A-Za-z0-9 /.,;=+%!?'"(){}-]/;
var INVISIBLE = /[\u0080-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
function esc(s, lineBreak = " \u23CE ") {
  let out = "";
  for (const ch of s.replace(/\r\n?/g, "\n")) {
    if (ch === "\n") out += lineBreak;
    else if (PLAIN.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0);
      if (cp < 32 || cp === 127) out += `&#92;x${cp.toString(16).padStart(2, "0")}`;
      else if (cp < 128) out += `&#${cp};`;
      else if (INVISIBLE.test(ch)) out += `&#92;u{${cp.toString(16)}}`;
      else out += ch;
    }
  }
  return out;
}
function code(s, lineBreak) {
  return `<code>${esc(s, lineBreak)}</code>`;
}
function clip(s, max) {
  if (s.length <= max) return s;
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, Math.max(0, max - 1)).join("") + "\u2026";
}
function fenced(content, lang = "") {
  let longest = 0;
  for (const m of content.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const body = content.endsWith("\n") ? content : `${content}
`;
  return `${fence}${lang}
${body}${fence}`;
}
function num(n) {
  return n.toLocaleString("en-US");
}
function plural(n, one, many = `${one}s`) {
  return `${num(n)} ${n === 1 ? one : many}`;
}
function formatBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

// src/report/facts.ts
var SKIP_REASONS = ["done-earlier", "satisfied", "conflict", "dry-run"];
function groupsOf(report) {
  const lines = linesOf(report);
  const byOp = /* @__PURE__ */ new Map();
  const into = (g, outcome2) => {
    const l = g[outcome2];
    return l === NONE2 ? g[outcome2] = new Picked(lines) : l;
  };
  let last;
  for (let i = 0; i < lines.length; i++) {
    const op = lines.op(i);
    let g = last !== void 0 && last.op === op ? last : byOp.get(op);
    if (!g) {
      g = {
        op,
        kind: lines.kind(i),
        total: 0,
        executed: NONE2,
        skipped: NONE2,
        failed: NONE2,
        pending: NONE2,
        skippedBy: NO_REASONS
      };
      byOp.set(op, g);
    }
    last = g;
    g.total++;
    const outcome2 = lines.outcome(i);
    into(g, outcome2).push(i);
    if (outcome2 === "skipped") {
      const why = lines.reason(i) ?? "satisfied";
      let by = g.skippedBy;
      if (by === NO_REASONS) g.skippedBy = by = /* @__PURE__ */ new Map();
      let list = by.get(why);
      if (!list) by.set(why, list = new Picked(lines));
      list.push(i);
    }
  }
  for (const g of byOp.values()) {
    if (g.skippedBy.size < 2) continue;
    g.skippedBy = new Map(
      [...g.skippedBy].sort(([a], [b]) => reasonRank(a) - reasonRank(b) || (a < b ? -1 : a > b ? 1 : 0))
    );
  }
  return [...byOp.values()];
}
var NONE2 = Object.freeze({ length: 0, [Symbol.iterator]: () => [][Symbol.iterator]() });
var NO_REASONS = /* @__PURE__ */ new Map();
function reasonRank(r) {
  const i = SKIP_REASONS.indexOf(r);
  return i < 0 ? SKIP_REASONS.length : i;
}
function skipReasons(report) {
  const m = /* @__PURE__ */ new Map();
  const lines = linesOf(report);
  for (let i = 0; i < lines.length; i++) {
    if (lines.outcome(i) !== "skipped") continue;
    const why = lines.reason(i) ?? "satisfied";
    m.set(why, (m.get(why) ?? 0) + 1);
  }
  return [...m].sort(([a], [b]) => reasonRank(a) - reasonRank(b));
}
function nextRun(report) {
  const lines = linesOf(report);
  let from = null;
  let pending = 0;
  let unexpanded2 = 0;
  const retried = new Picked(lines);
  const gaveUp = new Picked(lines);
  for (let i = 0; i < lines.length; i++) {
    const outcome2 = lines.outcome(i);
    const seq = lines.seq(i);
    let runsAgain = false;
    if (outcome2 === "pending") {
      pending++;
      if (seq === null) unexpanded2++;
      runsAgain = true;
    } else if (outcome2 === "failed") {
      const gave = lines.reason(i) === "gave-up";
      if (gave) gaveUp.push(i);
      else retried.push(i);
      runsAgain = !gave;
    }
    if (runsAgain && seq !== null && (from === null || seq < from)) from = seq;
  }
  return { from, pending, unexpanded: unexpanded2, retried, gaveUp };
}
function statusOf(report, ctx = {}) {
  if (report.dryRun) return "dry-run";
  if (ctx.byPostStep) return "cancelled";
  if (report.stoppedBy === "fail-fast") return "fail-fast";
  if (report.stoppedBy) return report.stoppedBy;
  if (report.counts.failed > 0) return "failed";
  return report.complete ? "complete" : "signal";
}
function statusTitle(report, ctx = {}) {
  const c = report.counts;
  switch (statusOf(report, ctx)) {
    case "dry-run":
      return c.failed ? `dry-run: ${plural(c.failed, "operation")} would fail` : "dry-run: nothing was changed";
    case "complete":
      return "complete";
    case "failed":
      return `finished with ${num(c.failed)} failed`;
    case "time-budget":
      return `stopped by the time budget, ${num(c.pending)} pending`;
    case "signal":
      return `cancelled, ${num(c.pending)} pending`;
    case "fail-fast":
      return "stopped at the first failure (continue-on-error: false)";
    case "cancelled":
      return `cancelled or killed, ${num(c.pending)} pending`;
  }
}
var STATUS_ICON = {
  complete: "\u2705",
  failed: "\u274C",
  "time-budget": "\u23F8\uFE0F",
  signal: "\u23F9\uFE0F",
  "fail-fast": "\u274C",
  cancelled: "\u23F9\uFE0F",
  "dry-run": "\u{1F50D}"
};
function resumedText(report, ctx, fmt = { seq: (s) => s, key: (s) => s }) {
  if (report.resumedFrom === null) return null;
  const at = `resumed from ${fmt.seq(`#${num(report.resumedFrom)}`)}`;
  if (ctx.restoredFrom) {
    const r = ctx.restoredFrom;
    return `${at}, checkpoint ${fmt.key(r.name)} (${r.store}) saved by attempt ${r.attempt}`;
  }
  const before = previousAttempt(report.attempts);
  return `${at}${before ? `, journal of attempt ${before.attempt}` : ""}`;
}
function startedOverText(report) {
  return `started over: attempt ${num(report.attempt)} found no checkpoint of an earlier attempt`;
}
function commandsText(s) {
  const batch = s.batch !== void 0 ? `, batch ${s.batch}` : "";
  return `${s.op}: ${num(s.commands)} run, parallel ${s.parallel}${batch}, ${commandRate(s)}/s over ${formatDuration(s.durationMs)}`;
}
function shownCommands(report) {
  return (report.commands ?? []).filter((s) => s.commands >= 10);
}
function commandRate(s) {
  const rate = s.commands * 1e3 / Math.max(1, s.durationMs);
  return rate >= 10 ? num(Math.round(rate)) : rate.toFixed(1);
}
function timeText(ms) {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "\u2014";
}
function previousAttempt(attempts) {
  return attempts.length >= 2 ? attempts[attempts.length - 2] : void 0;
}
function attemptEnd(a, current, ctx = {}, quote2 = (s) => s) {
  switch (a.how) {
    case void 0:
      return current && ctx.byPostStep ? "cancelled or killed (no end record)" : current ? "running" : "killed or cancelled (no end record)";
    case "complete":
      return "complete";
    case "failed":
      return `${num(a.failed ?? 0)} failed`;
    case "time-budget":
      return "stopped by the time budget";
    case "signal":
      return "cancelled (signal)";
    case "fail-fast":
      return "stopped at the first failure";
    default:
      return `ended: ${quote2(a.how)}`;
  }
}
function nextRunText(report, ctx = {}) {
  const n = nextRun(report);
  const again = ctx.mode === "cli" ? "Running the same command again" : '"Re-run failed jobs"';
  if (report.dryRun) {
    return ["Dry-run: nothing was changed and nothing was saved. Run without dry-run to apply the plan."];
  }
  const out = [];
  const work = [];
  if (n.pending)
    work.push(
      `runs ${plural(n.pending, "pending operation")}${n.unexpanded ? ` (${num(n.unexpanded)} of them not yet expanded: each may fan out into many)` : ""}`
    );
  if (n.retried.length) work.push(`retries ${plural(n.retried.length, "failed operation")}`);
  if (work.length) {
    const where = n.from !== null ? ` resumes at #${num(n.from)}: it` : "";
    out.push(`${again}${where} ${work.join(" and ")}; completed operations are skipped as done-earlier.`);
    if (ctx.mode !== "cli" && ctx.checkpointKey === "" && ctx.stores && ctx.stores.length === 0)
      out.push(
        "No checkpoint store is configured (store: none), so a re-run on a fresh runner starts over; operations already done are then skipped as satisfied."
      );
    else if (ctx.mode !== "cli" && ctx.checkpointKey === "" && !ctx.byPostStep)
      out.push(
        "No checkpoint could be saved in this attempt (see the warnings in the log), so a re-run resumes from an older checkpoint or starts over."
      );
  } else if (!n.gaveUp.length) {
    out.push("Nothing is left to do.");
  } else {
    out.push(`${again} has nothing left to retry.`);
  }
  if (n.gaveUp.length) {
    out.push(
      `It gives up on ${plural(n.gaveUp.length, "operation")} that reached max-attempts; raise max-attempts (in the plan or the input) to try them again.`
    );
  }
  return out;
}

// src/report/progress.ts
var Progress = class {
  constructor(o) {
    this.o = o;
    this.now = o.now ?? Date.now;
    this.started = this.now();
  }
  o;
  now;
  started;
  last = -Infinity;
  drawn = false;
  /** To be called after every operation. */
  update(c, r, live) {
    const t = this.now();
    if (t - this.started < (this.o.delayMs ?? 2e3)) return;
    const every = this.o.tty ? this.o.redrawMs ?? 100 : this.o.everyMs ?? 3e4;
    if (t - this.last < every) return;
    this.last = t;
    const line = `bulk-ops: ${this.pace(c, t, live)} (at #${r.seq === null ? "-" : num(r.seq)}): ${num(c.executed)} executed, ${num(c.skipped)} skipped, ${num(c.failed)} failed, ${num(c.pending)} pending \xB7 ${formatDuration(t - this.started)}`;
    if (this.o.tty) {
      this.o.write(`\r\x1B[2K${line}`);
      this.drawn = true;
    } else this.o.write(`${line}
`);
  }
  /** Done so far, in flight, operations per second and the time left for the operations known. */
  pace(c, t, live) {
    const rate = c.total * 1e3 / Math.max(1, t - this.started);
    const left = live && live.known > c.total ? live.known - c.total : 0;
    const parts = [
      left ? `${num(c.total)} of ${num(live.known)} operations done` : `${num(c.total)} operations done`
    ];
    if (live?.inFlight) parts.push(`${num(live.inFlight)} in flight`);
    parts.push(`${rate >= 10 ? num(Math.round(rate)) : rate.toFixed(1)}/s`);
    if (left && rate > 0) parts.push(`~${formatDuration(left / rate * 1e3)} left`);
    return parts.join(", ");
  }
  /** Clears the terminal line, so the summary starts on a clean one. */
  done() {
    if (this.drawn) this.o.write("\r\x1B[2K");
    this.drawn = false;
  }
};

// src/report/report-file.ts
var PIECE_CHARS = 256 * 1024;
function* reportPieces(report) {
  const head = {};
  for (const k of Object.keys(report)) if (k !== "operations") head[k] = report[k];
  head.operations = [];
  const text = JSON.stringify(head, null, 2);
  const lines = linesOf(report);
  if (lines.length === 0) {
    yield `${text}
`;
    return;
  }
  const cut = text.lastIndexOf("[]");
  let piece = `${text.slice(0, cut)}[
`;
  for (let i = 0; i < lines.length; i++) {
    piece += `${i ? ",\n" : ""}    ${JSON.stringify(lines.line(i), null, 2).replace(/\n/g, "\n    ")}`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}
  ]${text.slice(cut + 2)}
`;
}
function writeReportFile(path, report) {
  writeAtomicPieces(path, reportPieces(report));
}

// src/report/shard-text.ts
function shardLines(report) {
  const out = [];
  if (report.shard) {
    const s = report.shard;
    out.push(
      `Shard **${num(s.index)}** of **${num(s.count)}**: the counts cover this shard's share of the fan-outs and the operations every shard runs; **${plural(s.others, "operation** belongs", "operations** belong")} to other shards. The merge job combines the shards.`
    );
  }
  const m = report.merge;
  if (m) {
    out.push(
      `Merged **${num(m.count)}** shards into one result: **${plural(m.paths, "path**", "paths**")} changed (${num(m.shared)} changed alike by several shards, taken once), **${plural(m.dirs, "directory**", "directories**")} created; the counts cover the whole plan.`
    );
    out.push("");
    out.push("| shard | result | attempts | executed | skipped | failed | total |");
    out.push("| ---: | --- | --- | ---: | ---: | ---: | ---: |");
    for (const s of m.shards) {
      const tries = s.attempts.map(
        (a) => `${num(a.attempt)}${a.how ? ` ${a.how}` : " lost"}${a.endedAt ? ` (${formatDuration(a.endedAt - a.startedAt)})` : ""}`
      ).join(", ");
      out.push(
        `| ${num(s.index)} | ${code(s.artifact)} | ${tries} | ${num(s.counts.executed)} | ${num(s.counts.skipped)} | ${num(s.counts.failed)} | ${num(s.counts.total)} |`
      );
    }
  }
  return out;
}

// src/report/budget.ts
var utf8Bytes = (s) => Buffer.byteLength(s, "utf8");
var chars = (s) => s.length;
var Budget = class _Budget {
  constructor(limit, measure) {
    this.limit = limit;
    this.measure = measure;
  }
  limit;
  measure;
  lines = [];
  used = 0;
  /** Size of `text` as one more line (with its newline). */
  size(text) {
    return this.measure(text) + 1;
  }
  get remaining() {
    return this.limit - this.used;
  }
  /** True when `text` fits while still leaving `reserve` free. */
  fits(text, reserve = 0) {
    return this.size(text) + reserve <= this.remaining;
  }
  /** Adds lines unconditionally (headings, fixed parts sized beforehand). */
  push(...lines) {
    for (const l of lines) {
      this.lines.push(l);
      this.used += this.size(l);
    }
  }
  /**
   * Adds rows while each fits (leaving `reserve` for what must follow) and at most `max` of them;
   * returns how many were added.
   */
  rows(rows, max, reserve) {
    let n = 0;
    for (const r of rows) {
      if (n >= max || !this.fits(r, reserve)) break;
      this.push(r);
      n++;
    }
    return n;
  }
  /** A section written into a sub-budget of at most `limit`, appended when done. */
  sub(limit) {
    return new _Budget(Math.max(0, Math.min(limit, this.remaining)), this.measure);
  }
  append(b) {
    for (const l of b.lines) this.push(l);
  }
  text() {
    return this.lines.join("\n") + "\n";
  }
};

// src/report/summary.ts
var JOB_SUMMARY_LIMITS = {
  max: 1e6,
  failedRows: 1e3,
  rowBudget: 1e3,
  groups: 500,
  attempts: 50,
  diffBytes: 256 * 1024,
  diffLines: 400
};
var COMPACT_LIMITS = {
  max: 6e4,
  failedRows: 50,
  rowBudget: 0,
  groups: 50,
  attempts: 10,
  diffBytes: 0,
  diffLines: 0
};
var PATH_CHARS = 200;
var ERROR_CHARS = 300;
var ERROR_LINES = 4;
var MORE_RESERVE = 400;
function renderSummary(report, ctx = {}, limits = {}) {
  return render(report, ctx, { ...JOB_SUMMARY_LIMITS, ...limits }, false);
}
function renderCompact(report, ctx = {}, limits = {}) {
  return render(report, ctx, { ...COMPACT_LIMITS, ...limits }, true);
}
function render(report, ctx, lim, compact) {
  const out = new Budget(lim.max, compact ? chars : utf8Bytes);
  const groups = groupsOf(report);
  const where = fullReportWhere(ctx);
  const head = headline(report, ctx, compact);
  const foot = footer(report, ctx, compact, where);
  out.push(...head);
  const footSize = foot.reduce((n, l) => n + out.size(l), 0) + MORE_RESERVE;
  const body = out.sub(out.remaining - footSize);
  const room = body.remaining;
  const failed = failedSection(report, body.sub(room * 0.45), lim, where);
  body.append(failed);
  body.append(attemptsSection(report, ctx, body.sub(room * 0.05), lim));
  body.append(overviewSection(report, groups, body.sub(room * 0.1), lim));
  body.append(commandsSection(report, body.sub(room * 0.05)));
  if (report.dryRun && !compact) {
    body.append(classificationSection(report, body.sub(room * 0.1), lim, where));
    body.append(diffSection(report, body.sub(Math.min(room * 0.2, lim.diffBytes)), lim, where));
  }
  if (!compact && !report.dryRun)
    body.append(listingSection(report, groups, body.sub(body.remaining), lim, where));
  out.append(body);
  out.push(...foot);
  return out.text();
}
function headline(report, ctx, compact) {
  const c = report.counts;
  const status = statusOf(report, ctx);
  const lines = [`${compact ? "###" : "##"} ${STATUS_ICON[status]} bulk-ops: ${statusTitle(report, ctx)}`, ""];
  if (report.dryRun) {
    const cls = classCounts(report);
    lines.push(
      `**${num(cls.get("would-execute") ?? 0)}** would change \xB7 **${num(cls.get("satisfied") ?? 0)}** already satisfied \xB7 **${num(cls.get("conflict") ?? 0)}** conflicts skipped \xB7 **${num(cls.get("would-fail") ?? 0)}** would fail \xB7 **${num(cls.get("cannot-preview") ?? 0)}** commands not previewed \u2014 of **${num(c.total)}** operations`
    );
  } else {
    lines.push(
      `**${num(c.executed)}** executed \xB7 **${num(c.skipped)}** skipped \xB7 **${num(c.failed)}** failed \xB7 **${num(c.pending)}** pending \u2014 of **${num(c.total)}** operations`
    );
  }
  lines.push("");
  const facts = [`Attempt **${num(report.attempt)}**`];
  const resumed = resumedText(report, ctx, { seq: (s) => `**${s}**`, key: (s) => code(s) });
  facts.push(
    report.merge ? `merge of **${num(report.merge.count)}** shards` : resumed ?? (report.startedOver ? "**started over**" : "fresh start")
  );
  facts.push(`took **${esc(formatDuration(report.durationMs))}**`);
  if (ctx.planFile) facts.push(`plan ${code(ctx.planFile)} (${code(report.planId)})`);
  else facts.push(`plan ${code(report.planId)}`);
  lines.push(facts.join(" \xB7 "));
  const sharding = shardLines(report);
  if (sharding.length) lines.push("", ...sharding);
  if (report.startedOver) {
    lines.push("");
    lines.push(`\u26A0\uFE0F **${startedOverText(report)}**. Looked for:`);
    lines.push("");
    for (const l of report.startedOver.lookedFor.slice(0, 6)) lines.push(`- ${esc(l)}`);
  }
  if (report.stoppedBy && !ctx.byPostStep) {
    lines.push("");
    lines.push(stoppedText(report));
  }
  if (ctx.byPostStep) {
    lines.push("");
    lines.push(
      "The main step was cancelled or killed before it could write this summary; the post step wrote it from the journal. Operations that were running when it stopped count as pending."
    );
  }
  lines.push("");
  lines.push(`**Next:** ${nextRunText(report, ctx).join(" ")}`);
  lines.push("");
  return lines;
}
function stoppedText(report) {
  switch (report.stoppedBy) {
    case "time-budget":
      return "The time budget ran out: the attempt stopped dispatching and left the rest pending.";
    case "signal":
      return "The attempt was cancelled (a signal): it let the running operation finish or stopped it, and left the rest pending.";
    case "fail-fast":
      return "An operation failed under continue-on-error: false, so the attempt stopped there.";
    default:
      return "";
  }
}
function footer(report, ctx, compact, where) {
  const parts = [];
  if (ctx.checkpointKey)
    parts.push(
      `Last checkpoint: ${code(ctx.checkpointKey)}${ctx.storedBytes !== void 0 ? ` (${esc(formatBytes(ctx.storedBytes))} stored now)` : ""}.`
    );
  if (ctx.checkpointInPost) parts.push("The post step saves the checkpoint (see its log).");
  if (!report.dryRun || !compact) parts.push(`Full report: ${where}.`);
  if (compact && ctx.runUrl) parts.push(`[Job summary](${encodeURI(ctx.runUrl)}) lists every operation.`);
  return parts.length ? ["", `<sub>${parts.join(" ")}</sub>`] : [];
}
function fullReportWhere(ctx) {
  if (ctx.reportArtifact) return `${code("report.json")} in the artifact ${code(ctx.reportArtifact)}`;
  if (ctx.mode === "cli")
    return ctx.reportPath ? code(ctx.reportPath) : `the JSON report (${code("--report FILE")})`;
  return `the JSON report (the ${code("report")} output${ctx.stores?.includes("artifact") ? "" : `; with ${code("store: artifact")} it is kept as an artifact`})`;
}
function pathsCell(r) {
  if (r.from && r.to) return `${code(clip(r.from, PATH_CHARS))} \u2192 ${code(clip(r.to, PATH_CHARS))}`;
  const p = r.from ?? r.to;
  return p ? code(clip(p, PATH_CHARS)) : "\u2014";
}
function seqCell(r) {
  return r.seq === null ? "\u2014" : num(r.seq);
}
function errorCell(e) {
  if (!e) return "";
  const lines = e.replace(/\r\n?/g, "\n").trimEnd().split("\n");
  let text = lines.slice(0, ERROR_LINES).join("\n");
  if (lines.length > ERROR_LINES) text += "\n\u2026";
  return code(clip(text, ERROR_CHARS), "<br>");
}
function failedSection(report, b, lim, where) {
  const lines = linesOf(report);
  const failed = pick(lines, (i) => lines.outcome(i) === "failed");
  if (!failed.length) return b;
  const head = [
    `### Failed (${num(failed.length)})`,
    "",
    "| seq | operation | kind | paths | tries | next run | error |",
    "|---:|---|---|---|---:|---|---|"
  ];
  if (!b.fits(head.join("\n"), MORE_RESERVE)) return b;
  b.push(...head);
  const shown = b.rows(
    map(
      failed,
      (r) => `| ${seqCell(r)} | ${code(r.op)} | ${r.kind} | ${pathsCell(r)} | ${r.attempts} | ${r.reason === "gave-up" ? "gave up" : "retry"} | ${errorCell(r.error)} |`
    ),
    lim.failedRows,
    MORE_RESERVE
  );
  if (shown < failed.length)
    b.push("", `\u2026 and ${plural(failed.length - shown, "more failed operation")}; every one is in ${where}.`);
  b.push("");
  return b;
}
function attemptsSection(report, ctx, b, lim) {
  const all = report.attempts;
  if (!all.length) return b;
  const head = [
    "### Attempts",
    "",
    "| attempt | started | took | executed | skipped | failed | pending | ended |",
    "|---:|---|---:|---:|---:|---:|---:|---|"
  ];
  if (!b.fits(head.join("\n"), MORE_RESERVE)) return b;
  b.push(...head);
  const first = Math.max(0, all.length - lim.attempts);
  const last = all.length - 1;
  const row = (a, i) => {
    const current = i === last && a.attempt === report.attempt;
    const counts = current && a.executed === void 0 ? report.counts : a;
    const took = a.endedAt !== void 0 ? formatDuration(a.endedAt - a.startedAt) : current ? formatDuration(report.durationMs) : "\u2014";
    const cell = (n) => n === void 0 ? "\u2014" : num(n);
    return `| ${current ? `**${a.attempt}** (this one)` : a.attempt} | ${timeText(a.startedAt)} | ${esc(took)} | ${cell(counts.executed)} | ${cell(counts.skipped)} | ${cell(counts.failed)} | ${cell(counts.pending)} | ${attemptEnd(a, current, ctx, esc)} |`;
  };
  const rows = all.slice(first).map((a, i) => row(a, first + i));
  const shown = b.rows(rows, rows.length, MORE_RESERVE);
  if (first > 0 || shown < rows.length)
    b.push("", `${plural(all.length - shown, "earlier attempt")} not shown.`);
  b.push("");
  return b;
}
function overviewSection(report, groups, b, lim) {
  if (!groups.length) return b;
  const head = [
    "### By declared operation",
    "",
    "| operation | kind | total | executed | skipped | failed | pending |",
    "|---|---|---:|---:|---:|---:|---:|"
  ];
  if (!b.fits(head.join("\n"), MORE_RESERVE)) return b;
  b.push(...head);
  const shown = b.rows(
    map(groups, (g) => {
      const why = [...g.skippedBy].map(([k, v]) => `${k} ${num(v.length)}`).join(", ");
      return `| ${code(g.op)} | ${g.kind} | ${num(g.total)} | ${num(g.executed.length)} | ${num(g.skipped.length)}${why && report.counts.skipped ? ` (${esc(why)})` : ""} | ${num(g.failed.length)} | ${num(g.pending.length)} |`;
    }),
    lim.groups,
    MORE_RESERVE
  );
  if (shown < groups.length) b.push("", `\u2026 and ${plural(groups.length - shown, "more declared operation")}.`);
  b.push("");
  return b;
}
function commandsSection(report, b) {
  const stats = shownCommands(report);
  if (!stats.length) return b;
  const lines = [
    "### Commands",
    "",
    "| operation | run | parallel | batch | per second | took |",
    "|---|---:|---:|---:|---:|---:|",
    ...stats.map(
      (s) => `| ${code(s.op)} | ${num(s.commands)} | ${s.parallel} | ${s.batch ?? "-"} | ${commandRate(s)} | ${esc(formatDuration(s.durationMs))} |`
    ),
    ""
  ];
  if (b.fits(lines.join("\n"), MORE_RESERVE)) b.push(...lines);
  return b;
}
function classCounts(report) {
  const m = /* @__PURE__ */ new Map();
  const lines = linesOf(report);
  for (let i = 0; i < lines.length; i++) {
    const k = classOf(lines, i);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
function classOf(lines, i) {
  const outcome2 = lines.outcome(i);
  return lines.classification(i) ?? (outcome2 === "pending" ? "pending" : outcome2 === "failed" ? "would-fail" : "satisfied");
}
var CLASS_ORDER = ["would-execute", "satisfied", "conflict", "would-fail", "cannot-preview", "pending"];
function classificationSection(report, b, lim, where) {
  const by = /* @__PURE__ */ new Map();
  const lines = linesOf(report);
  for (let i = 0; i < lines.length; i++) {
    const k = classOf(lines, i);
    let l = by.get(k);
    if (!l) by.set(k, l = new Picked(lines));
    l.push(i);
  }
  const lists = CLASS_ORDER.filter((k) => by.has(k)).map((k) => ({ key: k, ops: by.get(k) }));
  const head = ["### Dry-run classification", "", "| classification | operations |", "|---|---:|"];
  if (!b.fits(head.join("\n"), MORE_RESERVE)) return b;
  b.push(...head);
  b.rows(
    lists.map((l) => `| ${l.key} | ${num(l.ops.length)} |`),
    lists.length,
    MORE_RESERVE
  );
  b.push("");
  const per = perList(
    lists.map((l) => l.ops.length),
    lim.rowBudget
  );
  lists.forEach((l, i) => {
    detailsTable(
      b,
      `${esc(l.key)}: ${plural(l.ops.length, "operation")}`,
      [{ title: null, ops: l.ops, max: per[i] }],
      where,
      (r) => `| ${seqCell(r)} | ${code(r.op)} | ${r.kind} | ${pathsCell(r)} | ${errorCell(r.error ?? r.detail ?? null)} |`,
      ["| seq | operation | kind | paths | detail |", "|---:|---|---|---|---|"]
    );
  });
  return b;
}
function diffSection(report, b, lim, where) {
  const lines = linesOf(report);
  const withDiff = pick(lines, (i) => lines.hasDiff(i));
  if (!withDiff.length) return b;
  const head = [`### Diffs of write and replace (${num(withDiff.length)})`, ""];
  if (!b.fits(head.join("\n"), MORE_RESERVE)) return b;
  b.push(...head);
  let shown = 0;
  for (const r of withDiff) {
    const lines2 = r.diff.replace(/\r\n?/g, "\n").trimEnd().split("\n");
    let plus = 0;
    let minus = 0;
    let hunk = false;
    for (const l of lines2) {
      if (l.startsWith("@@")) hunk = true;
      else if (hunk && l.startsWith("+")) plus++;
      else if (hunk && l.startsWith("-")) minus++;
    }
    const body = lines2.slice(0, lim.diffLines).join("\n") + (lines2.length > lim.diffLines ? "\n\u2026 (diff cut here)" : "");
    const block = [
      "<details>",
      `<summary>#${seqCell(r)} ${r.kind} ${code(clip(r.from ?? r.to ?? "", PATH_CHARS))} (+${plus} \u2212${minus})</summary>`,
      "",
      fenced(body, "diff"),
      "",
      "</details>",
      ""
    ].join("\n");
    if (!b.fits(block, MORE_RESERVE)) break;
    b.push(block);
    shown++;
  }
  if (shown < withDiff.length)
    b.push(`\u2026 and ${plural(withDiff.length - shown, "more diff")}; every one is in ${where}.`, "");
  return b;
}
function perList(sizes, budget) {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= budget) return sizes.slice();
  let lo = 0;
  let hi = Math.max(0, ...sizes);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const used = sizes.reduce((a, n) => a + Math.min(n, mid), 0);
    if (used <= budget) lo = mid;
    else hi = mid - 1;
  }
  return sizes.map((n) => Math.min(n, lo));
}
function detailsTable(b, summary, subs, where, row, header) {
  const open = ["<details>", `<summary>${summary}</summary>`, ""];
  const close = ["</details>", ""];
  const closeSize = close.reduce((n, l) => n + b.size(l), 0);
  if (!b.fits(open.join("\n") + header.join("\n"), closeSize + MORE_RESERVE)) return false;
  b.push(...open);
  for (const s of subs) {
    const lead = s.title ? [`**${s.title}** (${num(s.ops.length)})`, ""] : [];
    if (!b.fits([...lead, ...header].join("\n"), closeSize + MORE_RESERVE)) {
      b.push(`\u2026 ${num(s.ops.length)} more left out for size; every one is in ${where}.`, "");
      continue;
    }
    b.push(...lead, ...header);
    const shown = b.rows(map(s.ops, row), s.max, closeSize + MORE_RESERVE);
    if (shown < s.ops.length) b.push("", `\u2026 and ${num(s.ops.length - shown)} more; every one is in ${where}.`);
    b.push("");
  }
  b.push(...close);
  return true;
}
function listingSection(report, groups, b, lim, where) {
  const c = report.counts;
  const sections = [];
  if (c.executed)
    sections.push({
      heading: `### Executed in this attempt (${num(c.executed)})`,
      items: groups.filter((g) => g.executed.length).map((g) => ({
        g,
        subs: [{ title: null, ops: g.executed }],
        label: `${num(g.executed.length)} executed`
      }))
    });
  if (c.skipped) {
    const why = skipReasons(report).map(([k2, v]) => `${esc(k2)} ${num(v)}`).join(", ");
    sections.push({
      heading: `### Skipped (${num(c.skipped)}: ${why})`,
      items: groups.filter((g) => g.skipped.length).map((g) => ({
        g,
        subs: [...g.skippedBy].map(([k2, ops]) => ({ title: esc(k2), ops })),
        label: `${num(g.skipped.length)} skipped (${[...g.skippedBy].map(([k2, v]) => `${esc(k2)} ${num(v.length)}`).join(", ")})`
      }))
    });
  }
  if (c.pending)
    sections.push({
      heading: `### Pending (${num(c.pending)}): a re-run runs these`,
      items: groups.filter((g) => g.pending.length).map((g) => ({ g, subs: [{ title: null, ops: g.pending }], label: `${num(g.pending.length)} pending` }))
    });
  const shares = perList(
    sections.flatMap((s) => s.items.flatMap((it) => it.subs.map((x) => x.ops.length))),
    lim.rowBudget
  );
  let k = 0;
  let leftOut = 0;
  for (const s of sections) {
    const headed = b.fits(s.heading, MORE_RESERVE);
    if (headed) b.push(s.heading, "");
    for (const it of s.items) {
      const subs = it.subs.map((x) => ({ ...x, max: shares[k++] }));
      const ok = headed && detailsTable(
        b,
        `${code(it.g.op)} (${it.g.kind}): ${it.label}`,
        subs,
        where,
        (r) => `| ${seqCell(r)} | ${pathsCell(r)} | ${r.detail ? esc(clip(r.detail, ERROR_CHARS)) : r.outcome === "pending" && r.reason ? esc(r.reason) : ""} |`,
        ["| seq | paths | detail |", "|---:|---|---|"]
      );
      if (!ok) leftOut++;
    }
  }
  if (leftOut) b.push(`${plural(leftOut, "group")} left out for size; every operation is in ${where}.`, "");
  return b;
}
function* map(items, f) {
  for (const t of items) yield f(t);
}

// src/runner-os.ts
import { release } from "node:os";
var WHY = {
  macOS: "its file system is case-insensitive, so two paths that differ only in case (README.MD, readme.md) name one file, which bulk-ops does not handle",
  Windows: "its paths use \\ and drive letters, `run` commands would not get sh or bash, and checkouts may have CRLF line endings, which bulk-ops does not handle"
};
var UnsupportedRunnerError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UnsupportedRunnerError";
  }
};
var OS_OF_PLATFORM = { linux: "Linux", darwin: "macOS", win32: "Windows" };
function assertSupportedRunner(platform = process.platform, runnerOs = process.env.RUNNER_OS, kernelRelease = release()) {
  const fromRunner = runnerOs?.trim() || void 0;
  const runnerIsLinux = fromRunner === void 0 || fromRunner.toLowerCase() === "linux";
  const wsl = platform === "linux" && /microsoft|wsl/i.test(kernelRelease);
  if (platform === "linux" && runnerIsLinux && !wsl) return;
  const os = !runnerIsLinux ? fromRunner : wsl ? "Windows" : OS_OF_PLATFORM[platform] ?? platform;
  const seen = [
    fromRunner !== void 0 ? `RUNNER_OS=${fromRunner}` : "",
    `process.platform=${platform}`,
    wsl ? `WSL kernel ${kernelRelease}` : ""
  ].filter(Boolean).join(", ");
  const where = fromRunner !== void 0 ? "runner" : "machine";
  const why = WHY[os] ? `: ${WHY[os]}` : "";
  throw new UnsupportedRunnerError(
    `this ${where} is ${os} (${seen}), and bulk-ops runs on Linux only${why}. Use a Linux runner (runs-on: ubuntu-latest). Nothing was changed.`
  );
}

export {
  PlanError,
  UsageError,
  ResumeError,
  errorMessage,
  isPlainPath,
  pathProblem,
  normalizeRel,
  isInside,
  Sandbox,
  parseTemplate,
  renderTemplate,
  templateVars,
  resolveOp,
  writeAtomic,
  RunState,
  replayBuffer,
  WAL_FILE,
  SNAPSHOT_FILE,
  SNAPSHOT_PREV_FILE,
  PLAN_FILE,
  Journal,
  linesOf,
  Picked,
  pick,
  take,
  opLabel,
  parseDuration,
  formatDuration,
  DEFAULT_SHARD_BY,
  MAX_SHARDS,
  shardText,
  shardTag,
  isFanOut,
  shardKey,
  shardOf,
  othersOf,
  runPlan,
  parseParallel,
  loadPlanFile,
  preflight,
  code,
  clip,
  fenced,
  num,
  groupsOf,
  skipReasons,
  nextRun,
  statusTitle,
  resumedText,
  commandsText,
  shownCommands,
  timeText,
  attemptEnd,
  nextRunText,
  Progress,
  writeReportFile,
  renderSummary,
  renderCompact,
  UnsupportedRunnerError,
  assertSupportedRunner
};
