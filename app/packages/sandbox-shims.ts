/**
 * A package page runs in an opaque origin (decision 031), where document.cookie,
 * localStorage and sessionStorage throw a SecurityError on first touch. Authoring tools and
 * client libraries touch them all the time (axios reads a cookie before every request, many
 * players keep bookmarks in localStorage), so such content would break on its first line.
 * This script, first in every package page, puts in-memory stand-ins in their place for that
 * page only: nothing of ours is in them, and nothing written there outlives the page (what
 * must last goes through the SCORM API or the xAPI State resource, which are kept per attempt).
 */
const SHIM = `(function(){
function memoryStorage(){var d=Object.create(null);return{get length(){return Object.keys(d).length},key:function(i){return Object.keys(d)[i]||null},getItem:function(k){return k in d?d[k]:null},setItem:function(k,v){d[k]=String(v)},removeItem:function(k){delete d[k]},clear:function(){d=Object.create(null)}}}
try{document.cookie}catch(e){var jar=Object.create(null);Object.defineProperty(document,"cookie",{configurable:true,get:function(){return Object.keys(jar).map(function(k){return k+"="+jar[k]}).join("; ")},set:function(v){var p=String(v).split(";")[0];var i=p.indexOf("=");if(i>0)jar[p.slice(0,i).trim()]=p.slice(i+1).trim()}})}
["localStorage","sessionStorage"].forEach(function(n){try{window[n]}catch(e){Object.defineProperty(window,n,{configurable:true,value:memoryStorage()})}})
})();`

export const sandboxShimTag = `<script>${SHIM}</script>`
