# bash completion for carve(1)                                      -*- shell-script -*-
#
# carve answers itself, through System.CommandLine's [suggest:POSITION] directive: commands, subcommands, options,
# the values an option allows, and guest names for commands that take a guest (carve asks the daemon the line would
# talk to, and gives up silently after a second and a half). So what completes is always what the installed carve
# takes. Options are offered once a word starts with '-'; where carve has nothing to offer, bash completes file names.

_carve()
{
    local cur words cword
    if declare -F _comp_get_words >/dev/null 2>&1; then
        _comp_get_words -n =: cur words cword
    elif declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi

    # The line as carve parses it: the words after the program's name, up to and with the one being completed.
    local line="${words[*]:1:cword}"
    local program=${words[0]:-carve}
    local suggestions
    suggestions=$("$program" "[suggest:${#line}]" "$line" 2>/dev/null) || return 0

    local candidate candidates=()
    while IFS= read -r candidate; do
        case $candidate in
            '' | '-?' | '/?' | '/h') continue ;;
            -*) [[ $cur == -* ]] || continue ;;
            *) [[ $cur == -* ]] && continue ;;
        esac
        [[ $candidate == "$cur"* ]] && candidates+=("$candidate")
    done <<<"$suggestions"
    COMPREPLY=("${candidates[@]}")
}

complete -o bashdefault -o default -F _carve carve
